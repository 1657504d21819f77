import sharp from 'sharp';
import type { Bbox, Page } from '../documents/page.ts';
import type { SensitiveNumber } from './find-sensitive-numbers.ts';

/** What replaces a masked number in the text the model sees. */
export const MASK_TEXT = { ssn: '[TIN]', ein: '[TIN]', account: '[ACCOUNT]' } as const;
/** Margin around a masked word box on the image, as a fraction of the page: covers anti-aliased edges. */
const IMAGE_MARGIN = 0.004;

/**
 * The pages with every sensitive number's words replaced: the first word of a run by its placeholder, the
 * rest dropped. Boxes stay, so the text the model sees keeps its layout.
 */
export function maskPageWords(pages: readonly Page[], numbers: readonly SensitiveNumber[]): Page[] {
  const replaced = new Map<string, string>();
  for (const number of numbers) {
    number.words.forEach((word, i) => {
      replaced.set(`${word.page}:${word.index}`, i === 0 ? MASK_TEXT[number.kind] : '');
    });
  }
  return pages.map((page) => ({
    ...page,
    words: page.words.flatMap((word, index) => {
      const text = replaced.get(`${page.number}:${index}`);
      if (text === undefined) return [word];
      return text ? [{ ...word, text }] : [];
    }),
  }));
}

/** The page image with the given boxes painted black; the PNG that leaves the machine holds no digits there. */
export async function maskPageImage(png: Uint8Array, boxes: readonly Bbox[]): Promise<Uint8Array> {
  if (boxes.length === 0) return png;
  const { width = 0, height = 0 } = await sharp(png).metadata();
  const overlays = await Promise.all(
    boxes.map(async (box) => {
      const left = Math.max(0, Math.floor((box[0] - IMAGE_MARGIN) * width));
      const top = Math.max(0, Math.floor((box[1] - IMAGE_MARGIN) * height));
      const right = Math.min(width, Math.ceil((box[2] + IMAGE_MARGIN) * width));
      const bottom = Math.min(height, Math.ceil((box[3] + IMAGE_MARGIN) * height));
      const input = await sharp({
        create: {
          width: Math.max(1, right - left),
          height: Math.max(1, bottom - top),
          channels: 3,
          background: '#000000',
        },
      })
        .png()
        .toBuffer();
      return { input, left, top };
    }),
  );
  return new Uint8Array(await sharp(png).composite(overlays).png().toBuffer());
}
