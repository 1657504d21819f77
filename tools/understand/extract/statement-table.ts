import type { FieldSource } from '../../documents/extraction-result.ts';
import type { Word } from '../../documents/page.ts';
import type { TextLine } from '../layout/text-line.ts';
import { spanText, unionBbox } from '../layout/word-span.ts';
import { centsToMoney } from '../normalize/money.ts';
import { foldText } from '../normalize/text.ts';
import type { DocumentView } from './document-view.ts';
import { ocrFactor } from './field-candidate.ts';
import { findStatementHeaders, type StatementHeader } from './statement-columns.ts';
import type { StatementYears } from './statement-dates.ts';
import { readStatementRow, type StatementRow } from './statement-row.ts';
import { type BalancedEntry, reconcileRunningBalance } from './statement-running-balance.ts';

/** One transaction in the schema's formats, with where it is printed. */
export type StatementTransaction = { date: string; description: string; amount: string; source: FieldSource };

/** A balance the table itself states: a brought/carried-forward row, or the balance column at either end. */
export type TableBalance = { cents: number; words: Word[]; page: number; evidence: string };

export type StatementTable = {
  transactions: StatementTransaction[];
  /** The first page's rows, for the field's source box. */
  words: Word[];
  page: number;
  opening?: TableBalance;
  closing?: TableBalance;
  /** Indexes of the lines the table covers, so labelled-value search can leave them alone. */
  lineIndexes: Set<number>;
  /** Share of transactions whose amount the running balance confirmed (0 without a balance column). */
  confirmedShare: number;
  score: number;
};

/** Page furniture between the last row of a page and the next page's header. */
const PAGE_FOOTER = /\b(continued|page \d+( of \d+)?)\b/;

type Entry = BalancedEntry & { row: StatementRow; date: string; words: Word[]; description: string };

function sourceOf(words: Word[], page: number): FieldSource {
  return { page, bbox: unionBbox(words), text: spanText(words) };
}

/** The rows under one header, down to the end of its page's table. */
function readSegment(
  view: DocumentView,
  header: StatementHeader,
  years: StatementYears,
): { rows: StatementRow[]; lineIndexes: number[] } {
  const rows: StatementRow[] = [];
  const lineIndexes = [header.lineIndex];
  let previous: TextLine = header.line;
  for (let i = header.lineIndex + 1; i < view.lines.length; i++) {
    const line = view.lines[i]!;
    const gapPx = (line.bbox[1] - previous.bbox[3]) * line.pageHeight;
    if (line.page !== header.line.page || gapPx > 3.5 * line.heightPx) break;
    const row = readStatementRow(line, header, view.dateOrder, years);
    if (row.kind === 'text' && !row.date && PAGE_FOOTER.test(foldText(line.text))) break;
    rows.push(row);
    lineIndexes.push(i);
    previous = line;
    if (row.kind === 'closing' || row.kind === 'total') break;
  }
  return { rows, lineIndexes };
}

function balanceOf(row: StatementRow, evidence: string): TableBalance | undefined {
  const cell = row.balance ?? row.movement;
  if (!cell) return undefined;
  return { cents: cell.printedCents, words: cell.words, page: row.line.page, evidence };
}

/**
 * Turns rows into transactions: a row without a date takes the previous one's (banks print a day's date
 * once), a line with neither date nor money continues the description above. Each keeps the balances
 * printed around it for the running-balance check.
 */
function toEntries(rows: readonly StatementRow[], opening: TableBalance | undefined): Entry[] {
  const entries: Entry[] = [];
  let lastDate: StatementRow['date'] = null;
  let printed = opening?.cents;
  for (const row of rows) {
    if (row.kind === 'opening' || row.kind === 'closing') {
      if (row.balance) printed = row.balance.cents;
      continue;
    }
    const date: StatementRow['date'] = row.date ?? lastDate;
    if (row.kind === 'text' && !row.date) {
      const last = entries[entries.length - 1];
      if (last && row.description !== '') {
        last.description = `${last.description} ${row.description}`;
        last.words.push(...row.line.words);
      }
      continue;
    }
    if (row.kind !== 'transaction' || !date) continue;
    lastDate = date;
    entries.push({
      row,
      date: date.value,
      words: [...row.line.words],
      description: row.description,
      ...(row.movement && { cents: row.movement.cents }),
      ...(row.balance && { balance: row.balance.cents }),
      ...(printed !== undefined && { before: printed }),
      // Separate debit and credit columns fix the sign; a bare amount column may have lost its minus.
      canFlip: row.movement?.role === 'amount' && !row.movement.hasMinus,
      isConfirmed: false,
      isRepaired: false,
    });
    printed = row.balance?.cents;
  }
  return entries;
}

/**
 * The transaction table of a bank statement, across pages: every header (repeated on each page) starts a
 * segment that runs to that page's carried-forward line, footer or end. Balances the table prints at its
 * two ends are kept for the opening and closing fields.
 */
export function findStatementTable(view: DocumentView, years: StatementYears): StatementTable | null {
  const headers = findStatementHeaders(view.lines);
  const rows: StatementRow[] = [];
  const lineIndexes = new Set<number>();
  for (const header of headers) {
    if (lineIndexes.has(header.lineIndex)) continue;
    const segment = readSegment(view, header, years);
    rows.push(...segment.rows);
    for (const i of segment.lineIndexes) lineIndexes.add(i);
  }
  const firstOpening = rows.find((r) => r.kind === 'opening');
  const firstTransaction = rows.findIndex((r) => r.kind === 'transaction');
  const isOpeningFirst = firstOpening !== undefined && rows.indexOf(firstOpening) < firstTransaction;
  let opening = isOpeningFirst ? balanceOf(firstOpening, 'brought forward row') : undefined;
  const closingRow = [...rows].reverse().find((r) => r.kind === 'closing');
  const all = toEntries(rows, opening);
  reconcileRunningBalance(all, closingRow?.balance?.cents);
  const entries = all.filter((e) => e.cents !== undefined);
  if (entries.length === 0) return null;
  const first = entries[0]!;
  if (!opening && first.row.balance && first.cents !== undefined) {
    opening = {
      ...balanceOf(first.row, 'first balance less its amount')!,
      cents: first.row.balance.cents - first.cents,
    };
  }
  const lastEntry = entries[entries.length - 1]!;
  const isClosingLast = closingRow !== undefined && rows.indexOf(closingRow) > rows.indexOf(lastEntry.row);
  const closing =
    (isClosingLast && closingRow ? balanceOf(closingRow, 'closing row') : undefined) ??
    balanceOf({ ...lastEntry.row, movement: undefined }, 'last running balance');
  const page = first.row.line.page;
  const words = entries.filter((e) => e.row.line.page === page).flatMap((e) => e.words);
  const hasBalances = entries.some((e) => e.row.balance);
  const confirmedShare = hasBalances ? entries.filter((e) => e.isConfirmed).length / entries.length : 0;
  const base = 0.7 * ocrFactor(words);
  return {
    transactions: entries.map((e) => ({
      date: e.date,
      description: e.description,
      amount: centsToMoney(e.cents!),
      source: sourceOf(e.words, e.row.line.page),
    })),
    words,
    page,
    ...(opening && { opening }),
    ...(closing && { closing }),
    lineIndexes,
    confirmedShare,
    score: base + (1 - base) * 0.5 * confirmedShare,
  };
}
