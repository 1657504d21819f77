import type { Page } from '../../documents/page.ts';
import { groupLines } from '../layout/group-lines.ts';
import type { TextLine } from '../layout/text-line.ts';
import { detectCurrency } from '../normalize/currency.ts';
import type { DateOrder } from '../normalize/date.ts';
import { findDates } from '../normalize/date.ts';
import { inferDateOrder } from '../normalize/date-order.ts';

/** What every extractor needs about a document, computed once: its lines, text and conventions. */
export type DocumentView = {
  pages: readonly Page[];
  lines: TextLine[];
  text: string;
  currency: { code: string; count: number } | null;
  dateOrder: DateOrder | null;
};

export function buildDocumentView(pages: readonly Page[]): DocumentView {
  const lines = pages.flatMap((page) => groupLines(page));
  const text = lines.map((line) => line.text).join('\n');
  const currency = detectCurrency(text);
  const numericDates = findDates(text)
    .map((d) => d.text)
    .filter((d) => /^\d/.test(d));
  const inferred = inferDateOrder({ numericDates, currency: currency?.code ?? null, text });
  return { pages, lines, text, currency, dateOrder: inferred?.order ?? null };
}
