import type { Page, Word } from '../../documents/page.ts';
import type { TextLine } from './text-line.ts';
import { spanText, unionBbox } from './word-span.ts';

type Placed = { word: Word; x0: number; y0: number; x1: number; y1: number };

/** A gap wider than this many word heights starts a new cell. */
const CELL_GAP_HEIGHTS = 1.2;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function verticalOverlap(a: Placed, b: Placed): number {
  const overlap = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return overlap / Math.max(1e-9, Math.min(a.y1 - a.y0, b.y1 - b.y0));
}

function splitCells(words: Placed[], heightPx: number): Word[][] {
  const cells: Word[][] = [];
  let current: Word[] = [];
  let previous: Placed | undefined;
  for (const placed of words) {
    const height = Math.max(heightPx, placed.y1 - placed.y0) || 1;
    if (previous && placed.x0 - previous.x1 > CELL_GAP_HEIGHTS * height) {
      cells.push(current);
      current = [];
    }
    current.push(placed.word);
    previous = placed;
  }
  if (current.length > 0) cells.push(current);
  return cells;
}

/** Chains words left to right: each joins the line whose last word overlaps it most vertically. */
function chainWords(placed: readonly Placed[], heightPx: number): Placed[][] {
  const chains: Placed[][] = [];
  for (const word of placed) {
    let best: Placed[] | undefined;
    let bestScore = 0.5;
    for (const chain of chains) {
      const last = chain[chain.length - 1]!;
      if (word.x0 < last.x1 - 0.5 * heightPx) continue;
      const score = verticalOverlap(last, word);
      if (score > bestScore) {
        bestScore = score;
        best = chain;
      }
    }
    if (best) best.push(word);
    else chains.push([word]);
  }
  return chains;
}

/** Steeper than this is not a skewed scan but a layout; 5 degrees. */
const MAX_SKEW_SLOPE = Math.tan((5 * Math.PI) / 180);

/**
 * The page's skew as a slope (dy/dx), from neighbouring words of the lines found so far. Close neighbours
 * chain even on a tilted page; the slope then lets words far apart (a label and its amount column) meet.
 */
function estimateSkew(chains: readonly Placed[][], heightPx: number): number {
  const slopes: number[] = [];
  for (const chain of chains) {
    for (let i = 1; i < chain.length; i++) {
      const a = chain[i - 1]!;
      const b = chain[i]!;
      const dx = (b.x0 + b.x1) / 2 - (a.x0 + a.x1) / 2;
      if (dx < heightPx || b.x0 - a.x1 > 3 * heightPx) continue;
      slopes.push(((b.y0 + b.y1) / 2 - (a.y0 + a.y1) / 2) / dx);
    }
  }
  if (slopes.length < 2) return 0;
  const slope = median(slopes);
  return Math.abs(slope) <= MAX_SKEW_SLOPE ? slope : 0;
}

/**
 * Groups a page's words into lines. Words are chained left to right (so a line that drifts across a
 * skewed scan still holds together); when the chains show the page is tilted, the words are chained again
 * on straightened coordinates, so that cells far apart on one printed line (label … amount) meet.
 * Lines are then ordered top to bottom by their mean centre. Word boxes themselves are never changed.
 */
export function groupLines(page: Page): TextLine[] {
  const placed: Placed[] = page.words
    .filter((w) => w.text.trim() !== '')
    .map((word) => ({
      word,
      x0: word.bbox[0] * page.width,
      y0: word.bbox[1] * page.height,
      x1: word.bbox[2] * page.width,
      y1: word.bbox[3] * page.height,
    }))
    .sort((a, b) => a.x0 - b.x0 || a.y0 - b.y0);
  const heightPx = median(placed.map((p) => p.y1 - p.y0));
  let chains = chainWords(placed, heightPx);
  const slope = estimateSkew(chains, heightPx);
  // Below about a tenth of a line height across the page, straightening changes nothing.
  if (Math.abs(slope) * page.width > 0.1 * heightPx) {
    const straightened = placed.map((p) => {
      const shift = slope * ((p.x0 + p.x1) / 2);
      return { ...p, y0: p.y0 - shift, y1: p.y1 - shift };
    });
    chains = chainWords(straightened, heightPx);
  }
  const centre = (chain: Placed[]) => chain.reduce((s, p) => s + (p.y0 + p.y1) / 2, 0) / chain.length;
  return chains
    .map((chain) => ({ chain, y: centre(chain) }))
    .sort((a, b) => a.y - b.y || a.chain[0]!.x0 - b.chain[0]!.x0)
    .map(({ chain }) => {
      const words = chain.map((p) => p.word);
      return {
        page: page.number,
        words,
        cells: splitCells(chain, heightPx),
        bbox: unionBbox(words),
        text: spanText(words),
        heightPx,
        pageWidth: page.width,
        pageHeight: page.height,
      };
    });
}
