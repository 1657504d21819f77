import type { TextContent, TextItem, TextStyle } from 'pdfjs-dist/types/src/display/api.js';
import type { PageViewport } from 'pdfjs-dist/types/src/display/display_utils.js';
import type { Bbox, Word } from '../documents/page.ts';
import { relativeWidth } from './glyph-widths.ts';

/** Used when a font does not say how far it rises above and falls below the baseline. */
const DEFAULT_ASCENT = 0.8;
const DEFAULT_DESCENT = -0.2;

/**
 * Words with boxes from a page's text layer. pdfjs gives runs of text ("items"), each with the
 * matrix that places its baseline origin in PDF user space and its advance width; a run is split
 * into words at spaces and each word gets the share of the width its characters typically take. The four
 * corners go through the viewport (which knows the page rotation and where the crop box starts)
 * so boxes come out as top-left fractions of the page as it is displayed.
 */
export function wordsFromTextContent(content: TextContent, viewport: PageViewport): Word[] {
  const words: Word[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    words.push(...wordsFromItem(item, content.styles[item.fontName], viewport));
  }
  return words;
}

/** Non-space characters in a text layer: the measure of whether a page has real text. */
export function countTextCharacters(content: TextContent): number {
  let count = 0;
  for (const item of content.items) {
    if ('str' in item) count += item.str.replace(/\s/g, '').length;
  }
  return count;
}

function wordsFromItem(item: TextItem, style: TextStyle | undefined, viewport: PageViewport): Word[] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform as number[];
  const fontSize = Math.hypot(c, d) || item.height;
  const advanceScale = Math.hypot(a, b) || 1;
  const along = [a / advanceScale, b / advanceScale] as const; // baseline direction
  const up = fontSize > 0 ? ([c / Math.hypot(c, d), d / Math.hypot(c, d)] as const) : ([0, 1] as const);
  // pdfjs reports the run's advance in `width` for horizontal text and in `height` for vertical text.
  const advance = style?.vertical ? item.height : item.width;
  const ascent = style?.ascent && style.ascent > 0 ? style.ascent : DEFAULT_ASCENT;
  const descent = style?.descent && style.descent < 0 ? style.descent : DEFAULT_DESCENT;
  // Share the run's advance among its characters by their typical widths (see glyph-widths.ts).
  const characters = [...item.str];
  const weights = characters.map(relativeWidth);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0) || 1;
  const offsets = [0];
  for (const weight of weights) offsets.push(offsets[offsets.length - 1]! + (weight / totalWeight) * advance);

  const words: Word[] = [];
  let index = 0;
  for (const token of item.str.split(/(\s+)/)) {
    const length = [...token].length;
    if (token.trim() !== '') {
      const start = offsets[index]!;
      const end = offsets[index + length]!;
      const corners = [start, end].flatMap((x) =>
        [descent * fontSize, ascent * fontSize].map((y) =>
          viewport.convertToViewportPoint(e + along[0] * x + up[0] * y, f + along[1] * x + up[1] * y),
        ),
      ) as [number, number][];
      words.push({ text: token, bbox: toFractionBox(corners, viewport), confidence: 1 });
    }
    index += length;
  }
  return words;
}

function toFractionBox(corners: [number, number][], viewport: PageViewport): Bbox {
  const xs = corners.map(([x]) => x / viewport.width);
  const ys = corners.map(([, y]) => y / viewport.height);
  return [
    clamp01(Math.min(...xs)),
    clamp01(Math.min(...ys)),
    clamp01(Math.max(...xs)),
    clamp01(Math.max(...ys)),
  ];
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
