import sharp, { type Metadata } from 'sharp';
import { AppError } from '../core/app-error.ts';

/**
 * An image's header: size, page count, orientation; no pixel is decoded. sharp's own pixel limit
 * is off here so that ours, with its clear message, decides on these numbers.
 */
export async function readImageHeader(bytes: Uint8Array, page = 0): Promise<Metadata> {
  try {
    return await sharp(bytes, { page, limitInputPixels: false }).metadata();
  } catch (error) {
    throw corruptImageError(error);
  }
}

export function corruptImageError(cause: unknown): AppError {
  return new AppError(
    'CORRUPT_FILE',
    'This image is damaged or incomplete (it may have been cut off during upload or scanning), so it cannot be read. Scan or export it again and re-upload it.',
    { cause },
  );
}
