import type { Word } from '../../documents/page.ts';
import type { LabelMatch } from './find-label.ts';
import type { TextLine } from './text-line.ts';
import { unionBbox } from './word-span.ts';

/** Where a value was found relative to its label; extractors weigh them differently. */
export type ValuePlacement = 'same-word' | 'right' | 'below';

export type ValueSpan = { words: Word[]; placement: ValuePlacement; distance: number };

function cellIndexOf(line: TextLine, word: Word): number {
  return line.cells.findIndex((cell) => cell.includes(word));
}

/**
 * The value printed right of a label on the same line: the rest of the label's cell, or else the next
 * cell when it starts within `maxGapHeights` word heights. `distance` is the gap in word heights.
 */
export function valueRightOf(match: LabelMatch, maxGapHeights = 40): ValueSpan | null {
  const { line } = match;
  const lastLabelWord = line.words[match.end - 1];
  if (!lastLabelWord) return null;
  const cellIndex = cellIndexOf(line, lastLabelWord);
  const cell = line.cells[cellIndex] ?? [];
  const rest = cell.slice(cell.indexOf(lastLabelWord) + 1);
  if (rest.length > 0) return { words: rest, placement: 'right', distance: 0 };
  const next = line.cells[cellIndex + 1];
  if (!next || next.length === 0) return null;
  const gapPx = (next[0]!.bbox[0] - lastLabelWord.bbox[2]) * line.pageWidth;
  const distance = gapPx / Math.max(1, line.heightPx);
  if (distance > maxGapHeights) return null;
  return { words: next, placement: 'right', distance };
}

/**
 * The value printed under a label in the same column: on the next few lines, the cell that overlaps the
 * label horizontally. Stops at the first line with such a cell, and looks at most `maxLines` lines down.
 */
export function valueBelow(lines: readonly TextLine[], match: LabelMatch, maxLines = 2): ValueSpan | null {
  const label = unionBbox(match.words);
  const labelWidth = label[2] - label[0];
  for (let i = match.lineIndex + 1; i < lines.length && i <= match.lineIndex + maxLines; i++) {
    const line = lines[i]!;
    if (line.page !== match.line.page) return null;
    const gapPx = (line.bbox[1] - label[3]) * line.pageHeight;
    if (gapPx > 3 * Math.max(1, line.heightPx)) return null;
    for (const cell of line.cells) {
      const box = unionBbox(cell);
      const overlap = Math.min(box[2], label[2]) - Math.max(box[0], label[0]);
      const leftAligned = Math.abs(box[0] - label[0]) < Math.max(labelWidth, 0.02);
      if (overlap > 0.3 * Math.min(labelWidth, box[2] - box[0]) || (overlap > 0 && leftAligned)) {
        return { words: cell, placement: 'below', distance: i - match.lineIndex };
      }
    }
  }
  return null;
}
