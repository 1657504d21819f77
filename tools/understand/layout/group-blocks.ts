import type { TextLine } from './text-line.ts';

/**
 * Groups consecutive lines into blocks (an address, a header, a totals box): a line joins the block above
 * when the vertical gap is under one line height and the two overlap horizontally.
 */
export function groupBlocks(lines: readonly TextLine[]): TextLine[][] {
  const blocks: TextLine[][] = [];
  let current: TextLine[] = [];
  for (const line of lines) {
    const previous = current[current.length - 1];
    const gapPx = previous ? (line.bbox[1] - previous.bbox[3]) * line.pageHeight : 0;
    const overlaps = previous
      ? Math.min(line.bbox[2], previous.bbox[2]) > Math.max(line.bbox[0], previous.bbox[0])
      : true;
    if (previous && (previous.page !== line.page || gapPx > line.heightPx || !overlaps)) {
      blocks.push(current);
      current = [];
    }
    current.push(line);
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}
