/**
 * Advance widths of printable ASCII in Helvetica (Adobe AFM, 1/1000 em), from space (32) to tilde
 * (126). pdfjs gives only the width of a whole run of text; sharing it out by these widths instead
 * of evenly puts word boundaries within a point or two for the sans-serif fonts invoices use
 * (an even share is off by up to a character's width), and is no worse for anything else.
 */
const HELVETICA_ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
  500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
  556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
  278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
/** Letters outside ASCII get the width of an average lower-case letter. */
const DEFAULT_WIDTH = 556;

/** Relative width of one character. */
export function relativeWidth(character: string): number {
  const code = character.codePointAt(0) ?? 0;
  return HELVETICA_ASCII_WIDTHS[code - 32] ?? DEFAULT_WIDTH;
}
