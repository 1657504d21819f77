import type { Page, Word } from '../../../../tools/documents/page.ts';

/** One printed line: text runs, each starting at an x in character columns. */
export type PrintedLine = { row: number; runs: [column: number, text: string][] };

export type PageNoise = {
  /** Pixels of random shift per word box edge. */
  jitter?: number;
  /** Skew in pixels of vertical drift per 1000 px of x. */
  skew?: number;
  /** Character confusions to apply to some words, e.g. O→0. */
  confuse?: (text: string, random: () => number) => string;
  seed?: number;
};

/** A small seeded generator so noisy pages are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Builds a page from lines laid out on a character grid (10 px a column, 30 px a row), the way a
 * monospaced receipt or a simple invoice prints, with optional OCR-like noise.
 */
export function buildPage(
  lines: PrintedLine[],
  options: { width?: number; height?: number; noise?: PageNoise } = {},
): Page {
  const width = options.width ?? 800;
  const height = options.height ?? 1100;
  const noise = options.noise ?? {};
  const random = seededRandom(noise.seed ?? 7);
  const words: Word[] = [];
  for (const line of lines) {
    for (const [column, text] of line.runs) {
      let x = column * 10 + 20;
      for (const token of text.split(' ')) {
        if (token !== '') {
          const jitter = () => (noise.jitter ? (random() - 0.5) * 2 * noise.jitter : 0);
          const y = line.row * 30 + 20 + ((noise.skew ?? 0) * x) / 1000;
          const x0 = x + jitter();
          const x1 = x + token.length * 10 + jitter();
          const y0 = y + jitter();
          const y1 = y + 20 + jitter();
          const printed = noise.confuse ? noise.confuse(token, random) : token;
          words.push({
            text: printed,
            bbox: [x0 / width, y0 / height, x1 / width, y1 / height].map((v) =>
              Math.min(1, Math.max(0, v)),
            ) as Word['bbox'],
            confidence: printed === token ? 0.93 : 0.6,
          });
        }
        x += (token.length + 1) * 10;
      }
    }
  }
  return { number: 1, width, height, source: 'ocr', words };
}

/** OCR-like confusions inside words: O↔0 and l↔1 in a third of the words that have them. */
export function ocrConfusions(text: string, random: () => number): string {
  if (random() > 0.33) return text;
  return text.replace(/0/g, 'O').replace(/(?<=[A-Za-z])1/g, 'l');
}
