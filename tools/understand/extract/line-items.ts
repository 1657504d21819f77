import type { FieldSource } from '../../documents/extraction-result.ts';
import type { Word } from '../../documents/page.ts';
import { findTableHeaders, type TableColumn, type TableHeader } from '../layout/table-header.ts';
import type { TextLine } from '../layout/text-line.ts';
import { spanText, unionBbox } from '../layout/word-span.ts';
import { moneyToCents } from '../normalize/money.ts';
import { repairLabelWords } from '../normalize/ocr-label.ts';
import { foldText } from '../normalize/text.ts';
import type { DocumentView } from './document-view.ts';
import { ocrFactor } from './field-candidate.ts';
import { moneyInSpan } from './money-in-span.ts';

/** One billed line in the schema's formats, with where it is printed. */
export type LineItem = {
  description: string;
  quantity?: string;
  unit_price?: string;
  amount?: string;
  source: FieldSource;
};

export type LineItemTable = { items: LineItem[]; words: Word[]; page: number; score: number };

/** Where the rows end: the totals block, or notes under the table. */
const TABLE_END =
  /^(sub\s*-?\s*total|total|tax|vat|gst|sales\s*tax|balance|amount\s*due|discount|shipping|freight|notes?|thank|payment|terms)\b/;

/** Distance from a word to a column's header span, 0 when they overlap horizontally. */
function distanceTo(word: Word, column: TableColumn): number {
  return Math.max(0, column.x0 - word.bbox[2], word.bbox[0] - column.x1);
}

function nearestColumn(word: Word, columns: readonly TableColumn[]): TableColumn | undefined {
  return [...columns].sort((a, b) => distanceTo(word, a) - distanceTo(word, b))[0];
}

/** A quantity as a decimal string: "10", "2.5"; grouping dropped. */
function readQuantity(text: string): string | undefined {
  const cleaned = text.replace(/[,\s]/g, '').replace(/^[xX*]|[xX*]$/g, '');
  return /^\d+(\.\d+)?$/.test(cleaned) ? String(Number(cleaned)) : undefined;
}

function toSource(words: Word[], page: number): FieldSource {
  return { page, bbox: unionBbox(words), text: spanText(words) };
}

/** Reads one table line into a row, or returns the words that continue the previous row's description. */
function readRow(line: TextLine, header: TableHeader): { item?: LineItem; descriptionWords: Word[] } {
  const numeric = header.columns.filter((c) => c.kind !== 'description');
  const firstNumericX = Math.min(...numeric.map((c) => c.x0));
  const used = new Set<Word>();
  const item: Partial<LineItem> = {};
  for (const amount of moneyInSpan(line.words)) {
    const last = amount.words[amount.words.length - 1]!;
    // Words left of every numeric column belong to the description ("Widget 2000", "A5 pad").
    if (last.bbox[2] < firstNumericX - 0.01) continue;
    const column = nearestColumn(last, numeric);
    if (!column || item[column.kind] !== undefined) continue;
    if (column.kind === 'quantity') {
      const quantity = readQuantity(last.text);
      if (quantity === undefined) continue;
      item.quantity = quantity;
    } else if (amount.hasDecimals || amount.hasCurrencyMark) {
      item[column.kind] = amount.value;
    } else continue;
    for (const w of amount.words) used.add(w);
  }
  const descriptionWords = line.words.filter((w) => !used.has(w) && w.bbox[2] < firstNumericX + 0.01);
  if (item.amount === undefined && item.unit_price === undefined) return { descriptionWords };
  const description = spanText(descriptionWords);
  return {
    item: {
      description,
      ...(item.quantity !== undefined && { quantity: item.quantity }),
      ...(item.unit_price !== undefined && { unit_price: item.unit_price }),
      ...(item.amount !== undefined && { amount: item.amount }),
      source: toSource(line.words, line.page),
    },
    descriptionWords: [],
  };
}

function readTable(view: DocumentView, header: TableHeader): LineItemTable | null {
  const items: LineItem[] = [];
  const rowWords: Word[][] = [];
  let previous = header.line;
  for (let i = header.lineIndex + 1; i < view.lines.length; i++) {
    const line = view.lines[i]!;
    const gapPx = (line.bbox[1] - previous.bbox[3]) * line.pageHeight;
    if (line.page !== header.line.page || gapPx > 4 * line.heightPx) break;
    if (TABLE_END.test(foldText(repairLabelWords(line.text)))) break;
    const row = readRow(line, header);
    if (row.item) {
      items.push(row.item);
      rowWords.push([...line.words]);
    } else if (row.descriptionWords.length > 0 && items.length > 0) {
      // A description that wraps onto the next line continues the row above.
      const last = items[items.length - 1]!;
      const words = rowWords[rowWords.length - 1]!;
      words.push(...line.words);
      last.description = `${last.description} ${spanText(row.descriptionWords)}`.trim();
      last.source = toSource(words, line.page);
    }
    previous = line;
  }
  if (items.length === 0) return null;
  const words = rowWords.flat();
  return { items, words, page: header.line.page, score: 0.7 * ocrFactor(words) };
}

/** Rows whose quantity × unit price equals the amount: the columns were read and assigned right. */
function shareConsistent(items: readonly LineItem[]): number {
  const checkable = items.filter((i) => i.quantity && i.unit_price && i.amount);
  if (checkable.length === 0) return 0;
  const ok = checkable.filter(
    (i) => Math.abs(Number(i.quantity) * moneyToCents(i.unit_price!) - moneyToCents(i.amount!)) <= 1,
  );
  return ok.length / checkable.length;
}

/**
 * The line items of an invoice: under a header row with description, quantity, price and amount labels,
 * every line whose right-hand cells hold money, until the subtotal or total. The table with the most rows
 * wins when a document prints several headers; rows that multiply out raise the confidence.
 */
export function findLineItems(view: DocumentView): LineItemTable | null {
  let best: LineItemTable | null = null;
  for (const header of findTableHeaders(view.lines)) {
    const table = readTable(view, header);
    if (table && (!best || table.items.length > best.items.length)) best = table;
  }
  if (!best) return null;
  const consistent = shareConsistent(best.items);
  best.score = best.score + (1 - best.score) * 0.3 * consistent;
  return best;
}

/** Sum of the line amounts in cents, or null when a row has no amount. */
export function sumLineAmounts(items: readonly LineItem[]): number | null {
  if (items.some((i) => i.amount === undefined)) return null;
  return items.reduce((sum, i) => sum + moneyToCents(i.amount!), 0);
}
