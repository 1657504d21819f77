import { describe, expect, it } from 'vitest';
import type { Word } from '../../../../tools/documents/page.ts';
import { moneyInSpan } from '../../../../tools/understand/extract/money-in-span.ts';

/** Words on one line, each `gap` (fraction of the page) after the previous one. */
function line(texts: string[], gap = 0.005): Word[] {
  let x = 0.1;
  return texts.map((text) => {
    const word: Word = { text, bbox: [x, 0.5, x + text.length * 0.01, 0.52], confidence: 0.9 };
    x += text.length * 0.01 + gap;
    return word;
  });
}

describe('moneyInSpan', () => {
  it.each([
    [['TOTAL', 'RM', '65.', '20'], '65.20', 'RM 65. 20'],
    [['TOTAL', '65', '.20'], '65.20', '65 .20'],
    [['TOTAL', 'RM65.20'], '65.20', 'RM65.20'],
    [['TOTAL', '65,20'], '65.20', '65,20'],
    [['Cash', '-51.', '00'], '-51.00', '-51. 00'],
    [['TOTAL', 'RrRM1.', '38'], '1.38', 'RrRM1. 38'],
    [['Cash', '~50.00'], '50.00', '~50.00'],
    [['Item', '17.00SR'], '17.00', '17.00SR'],
  ])('reads %j as %s printed %j', (texts, value, printed) => {
    const amounts = moneyInSpan(line(texts));
    const last = amounts[amounts.length - 1]!;
    expect(last.value).toBe(value);
    expect(last.words.map((w) => w.text).join(' ')).toBe(printed);
  });

  it('does not join an amount with a quantity far to its right', () => {
    const amounts = moneyInSpan(line(['12.', '30'], 0.3));
    expect(amounts.map((a) => a.value)).toEqual(['12.00', '30.00']);
  });

  it.each([['12:30'], ['05/01/2018'], ['6%']])('skips %s', (text) => {
    expect(moneyInSpan(line([text]))).toEqual([]);
  });
});
