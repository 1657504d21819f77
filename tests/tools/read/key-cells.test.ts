import { describe, expect, it } from 'vitest';
import type { Bbox, Word } from '../../../tools/documents/page.ts';
import { findKeyCells } from '../../../tools/read/key-cells.ts';

const word = (text: string, bbox: Bbox, confidence = 0.95): Word => ({ text, bbox, confidence });
/** A word on the line at y = 0.6, 0.02 high, starting at x. */
const at = (text: string, x: number, confidence = 0.95) =>
  word(text, [x, 0.6, x + 0.02 * text.length, 0.62], confidence);

describe('findKeyCells', () => {
  it('reads right of a total label whose amount is missing or garbled, after the label words', () => {
    const cells = findKeyCells([at('Total', 0.1), at('Sales', 0.25), at('GST', 0.4), at('©', 0.55, 0.1)]);
    expect(cells).toHaveLength(1);
    expect(cells[0]!.kind).toBe('amount');
    // From the end of "GST" to the page's right edge, around the line with some room.
    expect(cells[0]!.bbox[0]).toBeCloseTo(0.46, 5);
    expect(cells[0]!.bbox[2]).toBe(1);
    expect(cells[0]!.bbox[1]).toBeLessThan(0.6);
    expect(cells[0]!.bbox[3]).toBeGreaterThan(0.62);
  });

  it.each([
    ['a doubtful amount', [at('TOTAL', 0.1), at('42.00', 0.7, 0.01)], 1],
    ['a damaged label', [at('1oTaL', 0.1), at('=4.0', 0.7)], 1],
    ['a clean, confident amount', [at('TOTAL', 0.1), at('42.00', 0.7)], 0],
    ['a line without a label', [at('ITEM', 0.1), at('4.2”', 0.7, 0.2)], 0],
  ] as [string, Word[], number][])('on %s finds %i amount cell(s)', (_, words, count) => {
    expect(findKeyCells(words).filter((cell) => cell.kind === 'amount')).toHaveLength(count);
  });

  it('reads around a doubtful date and right of a date label with no clean date', () => {
    const unlabelled = findKeyCells([at('03/01/2018', 0.1, 0.44), at('11:44', 0.4)]);
    expect(unlabelled.map((cell) => cell.kind)).toEqual(['date']);
    expect(unlabelled[0]!.bbox[0]).toBeLessThan(0.1);
    expect(unlabelled[0]!.bbox[2]).toBeLessThan(0.4);
    const labelled = findKeyCells([at('Date', 0.05), at(':', 0.15), at('04-0t', 0.2, 0.27)]);
    expect(labelled).toHaveLength(1);
    // The garbled date is inside the cell: it starts at the label.
    expect(labelled[0]!.bbox[0]).toBeCloseTo(0.13, 5);
  });

  it('reads around a date the line re-reads disputed, where the page pass read none', () => {
    const disputed = at('20/02/2017', 0.5, 0.87);
    const cells = findKeyCells([at('CS-SA-0112280', 0.2)], [disputed]);
    expect(cells.map((cell) => cell.kind)).toEqual(['date']);
    expect(cells[0]!.bbox[0]).toBeLessThan(0.5);
    expect(cells[0]!.bbox[2]).toBeGreaterThan(0.7);
    expect(cells[0]!.bbox[1]).toBeLessThan(0.6);
    expect(cells[0]!.bbox[3]).toBeGreaterThan(0.62);
    // A date cell the page words asked for already holds it: one cell, not two.
    expect(findKeyCells([at('20/09/2017', 0.5, 0.3)], [disputed])).toHaveLength(1);
  });

  it('leaves a clean date alone unless it was read with little confidence', () => {
    expect(findKeyCells([at('Date:', 0.05), at('27/06/18', 0.2, 0.79)])).toEqual([]);
    expect(findKeyCells([at('[Sales]2018-01-05', 0.05, 0.91)])).toEqual([]);
  });
});
