import zlib from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../tools/core/app-error.ts';
import type { ReadLimits } from '../../../tools/read/read-limits.ts';
import { inspectUpload, sniffMediaType } from '../../../tools/read/sniff-file.ts';
import { makeEncryptedPdf, makePagesPdf } from './make-pdf.ts';

const LIMITS: ReadLimits = {
  maxBytes: 1024 * 1024,
  maxPages: 5,
  maxImagePixels: 40_000_000,
  minTextCharsPerPage: 20,
};

const pngBytes = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: '#fff' } })
    .png()
    .toBuffer();
const jpegBytes = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: '#fff' } })
    .jpeg()
    .toBuffer();
const text = (value: string) => new TextEncoder().encode(value);

/** A PNG whose header claims a size it does not have: enough for a header check, nothing to decode. */
function pngHeader(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(typeAndData));
    return Buffer.concat([length, typeAndData, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit gray, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // A token IDAT: the decoder wants one to call the header valid, and never reads further here.
  const pixels = chunk('IDAT', zlib.deflateSync(Buffer.alloc(16)));
  return Buffer.concat([signature, chunk('IHDR', header), pixels, chunk('IEND', Buffer.alloc(0))]);
}

async function twoPageTiff(): Promise<Buffer> {
  const page = await pngBytes();
  return sharp([page, page], { join: { animated: true } })
    .tiff()
    .toBuffer();
}

async function inspectError(bytes: Uint8Array, filename: string, limits = LIMITS): Promise<AppError> {
  const error = await inspectUpload(bytes, filename, limits).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('sniffMediaType', () => {
  it.each([
    ['a PDF header', async () => text('%PDF-1.7\n...'), 'application/pdf'],
    ['a PDF header after leading junk', async () => text('garbage\r\n%PDF-1.4\n'), 'application/pdf'],
    ['a PNG signature', pngBytes, 'image/png'],
    ['a JPEG signature', jpegBytes, 'image/jpeg'],
    ['a TIFF signature', twoPageTiff, 'image/tiff'],
    ['plain text', async () => text('hello, world'), undefined],
    ['a ZIP signature', async () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), undefined],
  ])('recognises %s', async (_name, make, expected) => {
    expect(sniffMediaType(await make())).toBe(expected);
  });
});

describe('inspectUpload', () => {
  it.each([
    ['a PDF', () => makePagesPdf(3), 'invoice.pdf', 'application/pdf', 3],
    ['a PNG', pngBytes, 'receipt.png', 'image/png', 1],
    ['a JPEG with a .jpeg extension', jpegBytes, 'receipt.JPEG', 'image/jpeg', 1],
    ['a multi-page TIFF', twoPageTiff, 'fax.tif', 'image/tiff', 2],
    ['a PDF without an extension', () => makePagesPdf(1), 'scan', 'application/pdf', 1],
  ])('accepts %s and counts its pages', async (_name, make, filename, mediaType, pageCount) => {
    await expect(inspectUpload(await make(), filename, LIMITS)).resolves.toEqual({ mediaType, pageCount });
  });

  it.each([
    ['an empty file', async () => new Uint8Array(), 'a.pdf', 'EMPTY_FILE', /empty/],
    [
      'a file over the size limit',
      async () => new Uint8Array(LIMITS.maxBytes + 1),
      'a.pdf',
      'FILE_TOO_LARGE',
      /limit is 1 MB/,
    ],
    ['a PNG named .pdf', pngBytes, 'invoice.pdf', 'FILE_TYPE_MISMATCH', /named like a PDF .* a PNG image/],
    [
      'a text file named .pdf',
      async () => text('Invoice 42\nTotal 10.00\n'),
      'invoice.pdf',
      'FILE_TYPE_MISMATCH',
      /plain text/,
    ],
    ['a JPEG named .png', jpegBytes, 'receipt.png', 'FILE_TYPE_MISMATCH', /a JPEG image/],
    [
      'a Word document',
      async () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]),
      'invoice.docx',
      'UNSUPPORTED_MEDIA_TYPE',
      /Office document/,
    ],
    [
      'a truncated PDF',
      async () => (await makePagesPdf(3)).slice(0, 400),
      'invoice.pdf',
      'CORRUPT_FILE',
      /damaged or incomplete/,
    ],
    ['a password-protected PDF', async () => makeEncryptedPdf(), 'invoice.pdf', 'ENCRYPTED_PDF', /password/],
    [
      'a PDF with too many pages',
      () => makePagesPdf(6),
      'invoice.pdf',
      'TOO_MANY_PAGES',
      /6 pages; the limit is 5/,
    ],
    [
      'an image over the pixel limit',
      async () => pngHeader(20_000, 20_000),
      'scan.png',
      'IMAGE_TOO_LARGE',
      /20000 × 20000/,
    ],
    [
      'an image whose header is broken',
      async () => pngHeader(0, 0).slice(0, 20),
      'scan.png',
      'CORRUPT_FILE',
      /damaged/,
    ],
  ])('rejects %s', async (_name, make, filename, code, message) => {
    const error = await inspectError(await make(), filename);
    expect(error.code).toBe(code);
    expect(error.kind).toBe('user');
    expect(error.message).toMatch(message);
  });
});
