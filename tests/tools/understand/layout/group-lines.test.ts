import { describe, expect, it } from 'vitest';
import { findLabel } from '../../../../tools/understand/layout/find-label.ts';
import { groupBlocks } from '../../../../tools/understand/layout/group-blocks.ts';
import { groupLines } from '../../../../tools/understand/layout/group-lines.ts';
import { valueBelow, valueRightOf } from '../../../../tools/understand/layout/value-near-label.ts';
import { spanText, unionBbox } from '../../../../tools/understand/layout/word-span.ts';
import { buildPage } from '../support/build-page.ts';

const FORM = buildPage([
  { row: 0, runs: [[0, 'ACME SUPPLIES LTD']] },
  {
    row: 1,
    runs: [
      [0, '12 Main Street'],
      [40, 'Invoice # INV-0042'],
    ],
  },
  {
    row: 2,
    runs: [
      [0, 'Springfield, IL 62701'],
      [40, 'Invoice Date'],
    ],
  },
  { row: 3, runs: [[40, '03/15/2024']] },
  {
    row: 6,
    runs: [
      [0, 'Total'],
      [50, '$1,234.50'],
    ],
  },
]);

describe('groupLines', () => {
  it('puts words that share a baseline on one line, top to bottom, left to right', () => {
    const lines = groupLines(FORM);
    expect(lines.map((l) => l.text)).toEqual([
      'ACME SUPPLIES LTD',
      '12 Main Street Invoice # INV-0042',
      'Springfield, IL 62701 Invoice Date',
      '03/15/2024',
      'Total $1,234.50',
    ]);
  });

  it('splits a line into cells at wide gaps', () => {
    const line = groupLines(FORM)[1]!;
    expect(line.cells.map((c) => spanText(c))).toEqual(['12 Main Street', 'Invoice # INV-0042']);
  });

  it('keeps a skewed line together while its far end drifts by more than a line height', () => {
    const skewed = buildPage(
      [
        {
          row: 0,
          runs: [
            [0, 'ITEM ONE AND A VERY LONG DESCRIPTION OF IT'],
            [60, '12.00'],
          ],
        },
        {
          row: 1,
          runs: [
            [0, 'ITEM TWO AND ANOTHER LONG DESCRIPTION HERE'],
            [60, '8.50'],
          ],
        },
      ],
      { noise: { skew: 40 } },
    );
    const lines = groupLines(skewed);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.text.endsWith('12.00')).toBe(true);
    expect(lines[1]!.text.endsWith('8.50')).toBe(true);
  });
});

describe('labels and values', () => {
  const lines = groupLines(FORM);

  it('finds a value right of its label in the same cell', () => {
    const [match] = findLabel(lines, /invoice\s*#/i);
    expect(spanText(valueRightOf(match!)!.words)).toBe('INV-0042');
  });

  it('finds a value in the next cell across a gap', () => {
    const [match] = findLabel(lines, /total/i);
    const value = valueRightOf(match!);
    expect(spanText(value!.words)).toBe('$1,234.50');
    expect(value!.distance).toBeGreaterThan(1);
  });

  it('finds a value below its label in the same column, not the left column', () => {
    const [match] = findLabel(lines, /invoice\s*date/i);
    expect(valueRightOf(match!)).toBeNull();
    expect(spanText(valueBelow(lines, match!)!.words)).toBe('03/15/2024');
  });

  it('keeps the rest of a word a label is glued to', () => {
    const glued = groupLines(buildPage([{ row: 0, runs: [[0, 'TOTAL:80.90']] }]));
    expect(findLabel(glued, /total/i)[0]!.tail?.text).toBe('80.90');
  });

  it('unions the boxes of a span', () => {
    expect(unionBbox([{ bbox: [0.1, 0.2, 0.3, 0.4] }, { bbox: [0.05, 0.25, 0.5, 0.3] }])).toEqual([
      0.05, 0.2, 0.5, 0.4,
    ]);
  });

  it('groups the address lines into one block apart from the totals', () => {
    const blocks = groupBlocks(lines);
    expect(blocks.at(-1)!.map((l) => l.text)).toEqual(['Total $1,234.50']);
    expect(blocks[0]!.length).toBeGreaterThan(1);
  });
});

describe('groupLines on a tilted scan', () => {
  /** A till slip's label … amount rows, drawn on a page tilted by `degrees` (words keep upright boxes). */
  function tiltedSlip(degrees: number) {
    const slope = Math.tan((degrees * Math.PI) / 180);
    const width = 1000;
    const height = 1400;
    const rows = [
      ['SUBTOTAL', '38.70'],
      ['GST 6%', '2.32'],
      ['TOTAL (RM)', '41.02'],
      ['CASH', '50.00'],
      ['CHANGE', '8.98'],
    ];
    const words = rows.flatMap(([label, amount], row) => {
      const baseline = 400 + row * 36;
      const word = (text: string, x: number) => {
        const y = baseline + slope * x;
        const w = text.length * 16;
        return {
          text,
          confidence: 0.95,
          bbox: [x / width, (y - 24) / height, (x + w) / width, y / height] as [
            number,
            number,
            number,
            number,
          ],
        };
      };
      let x = 60;
      const labelWords = label!.split(' ').map((part) => {
        const placed = word(part, x);
        x += part.length * 16 + 16; // one space
        return placed;
      });
      return [...labelWords, word(amount!, 860)];
    });
    return { number: 1, width, height, source: 'ocr' as const, words };
  }

  it.each([0, 1.5, -1.5, 2.5])('keeps each label with its amount at %s°', (degrees) => {
    const lines = groupLines(tiltedSlip(degrees)).map((l) => l.text);
    expect(lines).toEqual(['SUBTOTAL 38.70', 'GST 6% 2.32', 'TOTAL (RM) 41.02', 'CASH 50.00', 'CHANGE 8.98']);
  });
});
