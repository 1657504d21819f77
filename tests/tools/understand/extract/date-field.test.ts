import { describe, expect, it } from 'vitest';
import { findIssueDate } from '../../../../tools/understand/extract/date-field.ts';
import { buildDocumentView } from '../../../../tools/understand/extract/document-view.ts';
import { buildPage, type PrintedLine } from '../support/build-page.ts';

/** A receipt header with one date line among others that carry numbers. */
function dateOf(dateLine: string, extra: PrintedLine[] = []) {
  const lines: PrintedLine[] = [
    { row: 0, runs: [[4, 'KEDAI MAJU SDN BHD']] },
    { row: 1, runs: [[2, 'TEL: 03-8734 1234']] },
    { row: 3, runs: [[0, dateLine]] },
    { row: 5, runs: [[0, 'TOTAL RM 12.40']] },
    ...extra,
  ];
  return findIssueDate(buildDocumentView([buildPage(lines, { width: 500, height: 900 })]));
}

describe('findIssueDate', () => {
  it.each([
    ['Date:05/01/2018', '2018-01-05'],
    ['DATE: O5/0l/2O18', '2018-01-05'],
    ['Date 05012018', '2018-01-05'],
    ['12/03/201813:07', '2018-03-12'],
    ['Date | : 26-05 2018 15:16:13', '2018-05-26'],
    ['17/83/2817 21:35', '2017-03-17'],
    ['12/03/2518 13:07', '2018-03-12'],
    ['16-03-18 13:49 SH01 B026', '2018-03-16'],
    ['Date: 26-04- 18', '2018-04-26'],
  ])('reads %j as %s', (printed, expected) => {
    expect(dateOf(printed)?.value).toBe(expected);
  });

  it('prefers a date with its time over an earlier stray date-like number', () => {
    const date = dateOf('MI11/3-21 - 12/480', [{ row: 7, runs: [[0, '16-03-18 13:49 SHO1 B026']] }]);
    expect(date?.value).toBe('2018-03-16');
  });

  it('does not read eight bare digits as a date without a label or a time', () => {
    expect(dateOf('INV 05012018')).toBeNull();
  });

  it('gives a repaired date less confidence than a clean one', () => {
    const clean = dateOf('17/03/2017 21:35')!;
    const repaired = dateOf('17/83/2817 21:35')!;
    expect(repaired.score).toBeLessThan(clean.score);
  });
});
