import { AppError } from '../core/app-error.ts';
import { describeBytes } from './describe-bytes.ts';
import { readImageHeader } from './image-header.ts';
import { MEDIA_TYPE_NAMES, type MediaType, mediaTypeFromFilename } from './media-type.ts';
import { corruptPdfError, openPdf } from './open-pdf.ts';
import type { ReadLimits } from './read-limits.ts';

export type { MediaType } from './media-type.ts';

/** Acrobat accepts a header anywhere in the first 1024 bytes (some producers prepend junk), so do we. */
const PDF_HEADER_WINDOW = 1024;

/** The kind of file the bytes are, from their signature; the filename is never trusted for this. */
export function sniffMediaType(bytes: Uint8Array): MediaType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // Little- and big-endian TIFF, classic (42) and BigTIFF (43).
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'image/tiff';
  if (startsWith(bytes, [0x49, 0x49, 0x2b, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2b]))
    return 'image/tiff';
  if (Buffer.from(bytes.subarray(0, PDF_HEADER_WINDOW)).includes('%PDF-')) return 'application/pdf';
  return undefined;
}

/**
 * The checks that can be made when a file arrives, before any page is read: size, kind, agreement
 * with the filename, and (from headers only) page count, encryption and image size.
 * Throws an AppError (kind user) whose message tells the clerk what is wrong and what to do.
 */
export async function inspectUpload(
  bytes: Uint8Array,
  filename: string,
  limits: ReadLimits,
): Promise<{ mediaType: MediaType; pageCount: number }> {
  const name = `"${filename}"`;
  if (bytes.length === 0) {
    throw new AppError(
      'EMPTY_FILE',
      `The file ${name} is empty (0 bytes). Check the original and upload it again.`,
    );
  }
  if (bytes.length > limits.maxBytes) {
    throw new AppError(
      'FILE_TOO_LARGE',
      `The file ${name} is ${formatMegabytes(bytes.length)}; the limit is ${formatMegabytes(limits.maxBytes)}. Split it into smaller files or scan at a lower resolution.`,
    );
  }
  const mediaType = sniffMediaType(bytes);
  const claimed = mediaTypeFromFilename(filename);
  if (!mediaType) {
    const actual = describeBytes(bytes);
    if (claimed) {
      throw new AppError(
        'FILE_TYPE_MISMATCH',
        `The file ${name} is named like ${MEDIA_TYPE_NAMES[claimed]} but its contents are ${actual}. Upload the original ${extensionOf(filename)} file.`,
      );
    }
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `The file ${name} is ${actual}, which Paperwork cannot read. Upload a PDF, PNG, JPEG or TIFF file.`,
    );
  }
  // A known extension that contradicts the bytes is a mistake worth stopping; an unknown or missing
  // extension is not, because the bytes are what we read.
  if (claimed && claimed !== mediaType) {
    throw new AppError(
      'FILE_TYPE_MISMATCH',
      `The file ${name} is named like ${MEDIA_TYPE_NAMES[claimed]} but its contents are ${MEDIA_TYPE_NAMES[mediaType]}. Rename it with the right extension or upload the original file.`,
    );
  }
  const pageCount =
    mediaType === 'application/pdf'
      ? await inspectPdf(bytes, limits)
      : await inspectImage(bytes, mediaType, limits);
  return { mediaType, pageCount };
}

async function inspectPdf(bytes: Uint8Array, limits: ReadLimits): Promise<number> {
  const pdf = await openPdf(bytes, { maxImagePixels: limits.maxImagePixels });
  try {
    const pageCount = pdf.numPages;
    if (pageCount === 0) throw corruptPdfError(new Error('The PDF has no pages.'));
    assertPageCount(pageCount, limits);
    // Loading every page dictionary is cheap and catches files cut off before their last pages.
    for (let number = 1; number <= pageCount; number += 1) {
      await pdf.getPage(number).catch((error: unknown) => {
        throw corruptPdfError(error);
      });
    }
    return pageCount;
  } finally {
    await pdf.destroy();
  }
}

async function inspectImage(bytes: Uint8Array, mediaType: MediaType, limits: ReadLimits): Promise<number> {
  // Only a TIFF holds several document pages; frames of anything else are not pages.
  const pageCount = mediaType === 'image/tiff' ? ((await readImageHeader(bytes, 0)).pages ?? 1) : 1;
  assertPageCount(pageCount, limits);
  // Pages of a TIFF can differ in size, so each header is checked; none is decoded.
  for (let page = 0; page < pageCount; page += 1) {
    const { width, height } = await readImageHeader(bytes, page);
    assertImagePixels(width ?? 0, height ?? 0, limits, pageCount > 1 ? page + 1 : undefined);
  }
  return pageCount;
}

export function assertPageCount(pageCount: number, limits: ReadLimits): void {
  if (pageCount > limits.maxPages) {
    throw new AppError(
      'TOO_MANY_PAGES',
      `This document has ${pageCount} pages; the limit is ${limits.maxPages}. Split it into smaller documents and upload them separately.`,
    );
  }
}

export function assertImagePixels(width: number, height: number, limits: ReadLimits, page?: number): void {
  if (width * height > limits.maxImagePixels) {
    const where = page === undefined ? 'This image' : `Page ${page} of this image`;
    throw new AppError(
      'IMAGE_TOO_LARGE',
      `${where} is ${width} × ${height} pixels (${formatMegapixels(width * height)}); the limit is ${formatMegapixels(limits.maxImagePixels)}. Scan at 300 dpi or reduce the image size and upload it again.`,
    );
  }
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);
}

function extensionOf(filename: string): string {
  return /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toUpperCase() ?? '';
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

function formatMegapixels(pixels: number): string {
  return `${(pixels / 1_000_000).toFixed(1).replace(/\.0$/, '')} megapixels`;
}
