import sharp from 'sharp';
import { corruptImageError, readImageHeader } from './image-header.ts';
import type { MediaType } from './media-type.ts';
import type { OcrPool } from './ocr-pool.ts';
import { encodeUiPng, type GrayImage } from './page-image.ts';
import { readPages } from './read-pages.ts';
import type { PageReading, ReadProgress } from './read-progress.ts';
import { recognizeScan } from './recognize-scan.ts';
import { assertImagePixels, assertPageCount } from './sniff-file.ts';

export type ReadImageOptions = ReadProgress & { mediaType: MediaType; ocr: OcrPool; renderImages: boolean };

/** Reads a PNG, JPEG or TIFF (every page of a multi-page TIFF) through OCR. */
export async function readImage(bytes: Uint8Array, options: ReadImageOptions): Promise<PageReading[]> {
  const pageCount = options.mediaType === 'image/tiff' ? ((await readImageHeader(bytes, 0)).pages ?? 1) : 1;
  assertPageCount(pageCount, options.limits);
  return readPages(pageCount, options.ocr.size, options, async (number) => {
    const header = await readImageHeader(bytes, number - 1);
    assertImagePixels(
      header.width ?? 0,
      header.height ?? 0,
      options.limits,
      pageCount > 1 ? number : undefined,
    );
    const gray = await decodeGray(bytes, number - 1, options.limits.maxImagePixels);
    const scan = await recognizeScan(gray, options.ocr, options.signal);
    const image = options.renderImages ? await encodeUiPng(gray) : undefined;
    return {
      page: { number, width: gray.width, height: gray.height, source: 'ocr', words: scan.words },
      image,
      ocrMs: scan.ocrMs,
    };
  });
}

/**
 * Upright (phone photos carry their rotation in EXIF), transparent areas as white paper, gray.
 * Colour adds nothing to reading and triples the bytes.
 */
async function decodeGray(bytes: Uint8Array, page: number, maxPixels: number): Promise<GrayImage> {
  try {
    const { data, info } = await sharp(bytes, { page, limitInputPixels: maxPixels })
      .autoOrient()
      .flatten({ background: '#ffffff' })
      .grayscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch (error) {
    throw corruptImageError(error);
  }
}
