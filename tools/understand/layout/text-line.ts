import type { Bbox, Word } from '../../documents/page.ts';

/**
 * One printed line: words in reading order that share a baseline. `cells` split it where the gap between
 * words is wider than a few spaces, so a label and its value in a two-column layout stay apart from the
 * next column's text.
 */
export type TextLine = {
  page: number;
  words: Word[];
  cells: Word[][];
  bbox: Bbox;
  text: string;
  /** Median word height on the page in pixels/points; the unit for "near" and "far" in this line. */
  heightPx: number;
  pageWidth: number;
  pageHeight: number;
};
