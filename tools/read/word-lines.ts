import type { Bbox, Word } from '../documents/page.ts';

/** The words of one printed line and the box around them, in page fractions. */
export type WordLine = { words: Word[]; bbox: Bbox };

/** A word joins a line when their heights overlap by at least this share of the shorter one. */
const SAME_LINE_OVERLAP = 0.5;

/**
 * Groups OCR words into printed lines by their boxes. Words from several passes have no shared
 * line structure, so lines are rebuilt from geometry: words taken left to right each join the line
 * whose last word overlaps them most in height, which follows a gently skewed line.
 */
export function groupWordLines(words: readonly Word[]): WordLine[] {
  const sorted = [...words].sort((a, b) => a.bbox[0] - b.bbox[0] || a.bbox[1] - b.bbox[1]);
  const lines: Word[][] = [];
  for (const word of sorted) {
    let best: Word[] | undefined;
    let bestOverlap = SAME_LINE_OVERLAP;
    for (const line of lines) {
      const last = line[line.length - 1]!;
      // A word starting well inside the last one is another line's (or a duplicate).
      if (word.bbox[0] < last.bbox[2] - 0.5 * (last.bbox[3] - last.bbox[1])) continue;
      const overlap = heightOverlap(last.bbox, word.bbox);
      if (overlap >= bestOverlap) {
        bestOverlap = overlap;
        best = line;
      }
    }
    if (best) best.push(word);
    else lines.push([word]);
  }
  return lines.map((line) => ({ words: line, bbox: unionBox(line) })).sort((a, b) => a.bbox[1] - b.bbox[1]);
}

function heightOverlap(a: Bbox, b: Bbox): number {
  const overlap = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  const shorter = Math.min(a[3] - a[1], b[3] - b[1]);
  return shorter > 0 ? overlap / shorter : 0;
}

export function unionBox(words: readonly Word[]): Bbox {
  return [
    Math.min(...words.map((word) => word.bbox[0])),
    Math.min(...words.map((word) => word.bbox[1])),
    Math.max(...words.map((word) => word.bbox[2])),
    Math.max(...words.map((word) => word.bbox[3])),
  ];
}
