import { describe, expect, it } from 'vitest';
import type { Bbox, Word } from '../../../tools/documents/page.ts';
import { mergeWords } from '../../../tools/read/merge-words.ts';

const word = (text: string, bbox: Bbox, confidence: number): Word => ({ text, bbox, confidence });
const texts = (words: Word[]) => words.map((w) => w.text).sort();

const DATE_03 = word('03/01/2018', [0.1, 0.4, 0.3, 0.42], 0.6);
const DATE_05 = word('05/01/2018', [0.101, 0.401, 0.302, 0.421], 0.9);
const TOTAL = word('TOTAL', [0.1, 0.6, 0.2, 0.62], 0.95);
const AMOUNT = word('65.20', [0.7, 0.6, 0.8, 0.62], 0.9);
const AMOUNT_WHOLE = word('65.', [0.7, 0.6, 0.75, 0.62], 0.7);
const AMOUNT_CENTS = word('20', [0.76, 0.6, 0.8, 0.62], 0.8);

describe('mergeWords', () => {
  it.each([
    ['nothing to add', [TOTAL], [], ['TOTAL']],
    ['a word the first pass dropped is added', [TOTAL], [AMOUNT], ['65.20', 'TOTAL']],
    ['a more confident reading replaces the first', [DATE_03], [DATE_05], ['05/01/2018']],
    ['a less confident reading is ignored', [DATE_05], [DATE_03], ['05/01/2018']],
    [
      'a split word gives way to a whole, more confident one',
      [AMOUNT_WHOLE, AMOUNT_CENTS],
      [AMOUNT],
      ['65.20'],
    ],
    [
      'a whole word is kept against a less confident split',
      [AMOUNT],
      [AMOUNT_WHOLE, AMOUNT_CENTS],
      ['65.20'],
    ],
    ['the first reading wins a tie', [DATE_03], [{ ...DATE_05, confidence: 0.6 }], ['03/01/2018']],
    [
      'boxes that only touch are different print',
      [TOTAL],
      [word('RM', [0.199, 0.6, 0.25, 0.62], 0.9)],
      ['RM', 'TOTAL'],
    ],
  ])('%s', (_name, first, second, expected) => {
    expect(texts(mergeWords(first, second))).toEqual(expected);
  });

  it('adds dropped words only when they were read confidently enough', () => {
    const faint = word('~~', [0.5, 0.9, 0.55, 0.92], 0.3);
    expect(texts(mergeWords([TOTAL], [AMOUNT, faint], { minAddedConfidence: 0.5 }))).toEqual([
      '65.20',
      'TOTAL',
    ]);
  });

  it('keeps the boxes of the words it takes', () => {
    expect(mergeWords([DATE_03], [DATE_05])[0]!.bbox).toEqual(DATE_05.bbox);
  });
});
