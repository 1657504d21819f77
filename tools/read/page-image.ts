import sharp, { type Sharp } from 'sharp';

/** A grayscale picture of one page, 8 bits a pixel, as sharp's raw output gives it. */
export type GrayImage = { data: Buffer; width: number; height: number };

/** Longest side of a page image for the review UI: ~150 dpi on a letter page, readable on screen. */
export const UI_IMAGE_MAX_SIDE = 1700;

export function sharpFromGray(image: GrayImage): Sharp {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } });
}

/** Fast PNG for OCR: it is decoded at once on another thread, so encoding time matters more than size. */
export function encodeOcrPng(pipeline: Sharp): Promise<Uint8Array> {
  return pipeline.png({ compressionLevel: 2 }).toBuffer();
}

/** The page as the reviewer sees it: the image that was read, shrunk to UI size, compressed for storage. */
export function encodeUiPng(image: GrayImage): Promise<Uint8Array> {
  const isLarge = Math.max(image.width, image.height) > UI_IMAGE_MAX_SIDE;
  const pipeline = sharpFromGray(image);
  if (isLarge) pipeline.resize({ width: UI_IMAGE_MAX_SIDE, height: UI_IMAGE_MAX_SIDE, fit: 'inside' });
  return pipeline.png({ compressionLevel: 9, palette: false }).toBuffer();
}
