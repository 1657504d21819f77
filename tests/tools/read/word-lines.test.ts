import { describe, expect, it } from 'vitest';
import type { Bbox, Word } from '../../../tools/documents/page.ts';
import { groupWordLines } from '../../../tools/read/word-lines.ts';

const word = (text: string, bbox: Bbox): Word => ({ text, bbox, confidence: 0.9 });

describe('groupWordLines', () => {
  it('rebuilds printed lines from words of any order, top to bottom, left to right', () => {
    const lines = groupWordLines([
      word('65.20', [0.7, 0.601, 0.8, 0.621]),
      word('Date', [0.1, 0.4, 0.2, 0.42]),
      word('TOTAL', [0.1, 0.6, 0.2, 0.62]),
      word('05/01/2018', [0.3, 0.402, 0.5, 0.422]),
    ]);
    expect(lines.map((line) => line.words.map((w) => w.text).join(' '))).toEqual([
      'Date 05/01/2018',
      'TOTAL 65.20',
    ]);
    expect(lines[1]!.bbox).toEqual([0.1, 0.6, 0.8, 0.621]);
  });

  it('follows a gently skewed line and keeps tightly spaced lines apart', () => {
    const lines = groupWordLines([
      word('a', [0.1, 0.5, 0.2, 0.52]),
      word('b', [0.25, 0.508, 0.35, 0.528]),
      word('c', [0.4, 0.516, 0.5, 0.536]),
      word('d', [0.1, 0.525, 0.2, 0.545]),
    ]);
    expect(lines.map((line) => line.words.map((w) => w.text).join(' '))).toEqual(['a b c', 'd']);
  });
});
