import type { Word } from '../../documents/page.ts';
import { foldText } from '../normalize/text.ts';
import type { TextLine } from './text-line.ts';
import { unionBbox } from './word-span.ts';

export const COLUMN_KINDS = ['description', 'quantity', 'unit_price', 'amount'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/** One column of a line-item table: what it holds and where its header is printed. */
export type TableColumn = { kind: ColumnKind; x0: number; x1: number; words: Word[] };

export type TableHeader = { lineIndex: number; line: TextLine; columns: TableColumn[] };

/** Header words of each column kind, as invoices and receipts print them (two-word labels first). */
const HEADER_LABELS: { kind: ColumnKind; pattern: RegExp }[] = [
  { kind: 'unit_price', pattern: /^(unit (price|cost|rate)|price each|u ?price|s ?price|rate|price|each)$/ },
  {
    kind: 'amount',
    pattern: /^(line total|ext\w* (price|amount)|total (price|amount)|amount|amt|total|ext\w*|value)$/,
  },
  { kind: 'quantity', pattern: /^(qty|qnty|quantity|hrs|hours|units?|pcs)$/ },
  {
    kind: 'description',
    pattern: /^(item description|description|desc|item|items|particulars|details|product|services?|article)$/,
  },
];

function kindOf(text: string): ColumnKind | null {
  const folded = foldText(text);
  return HEADER_LABELS.find((label) => label.pattern.test(folded))?.kind ?? null;
}

/** The column labels of a line, reading two-word labels ("Unit Price") before one-word ones. */
function readColumns(line: TextLine): { columns: TableColumn[]; labelWords: number } {
  const columns: TableColumn[] = [];
  let labelWords = 0;
  const words = line.words;
  for (let i = 0; i < words.length; i++) {
    const next = words[i + 1];
    const pair: [Word, Word] | null = next ? [words[i]!, next] : null;
    const pairKind = pair ? kindOf(`${pair[0].text} ${pair[1].text}`) : null;
    const span = pairKind && pair ? pair : [words[i]!];
    const kind = pairKind ?? kindOf(words[i]!.text);
    if (!kind) continue;
    labelWords += span.length;
    if (pairKind) i++;
    if (columns.some((c) => c.kind === kind)) continue;
    const [x0, , x1] = unionBbox(span);
    columns.push({ kind, x0, x1, words: span });
  }
  return { columns: columns.sort((a, b) => a.x0 - b.x0), labelWords };
}

/**
 * The header row of a line-item table: a line made mostly of column labels, with a money column (amount
 * or unit price) and at least one other. Lines carrying amounts are values, not headers ("Total Amount
 * 12.00"), so they are skipped.
 */
export function findTableHeaders(lines: readonly TextLine[]): TableHeader[] {
  const headers: TableHeader[] = [];
  lines.forEach((line, lineIndex) => {
    if (/\d[.,]\d\d\b/.test(line.text)) return;
    const { columns, labelWords } = readColumns(line);
    const hasMoney = columns.some((c) => c.kind === 'amount' || c.kind === 'unit_price');
    if (!hasMoney || columns.length < 2 || labelWords < 0.6 * line.words.length) return;
    headers.push({ lineIndex, line, columns });
  });
  return headers;
}
