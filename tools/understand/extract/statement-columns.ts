import type { Word } from '../../documents/page.ts';
import type { TextLine } from '../layout/text-line.ts';
import { unionBbox } from '../layout/word-span.ts';
import { foldText } from '../normalize/text.ts';

/**
 * What a statement column holds: money out and money in as separate columns (US and UK banks), one signed
 * amount, or the running balance after each transaction.
 */
export const STATEMENT_COLUMN_ROLES = [
  'date',
  'description',
  'debit',
  'credit',
  'amount',
  'balance',
] as const;
export type StatementColumnRole = (typeof STATEMENT_COLUMN_ROLES)[number];

export type StatementColumn = { role: StatementColumnRole; x0: number; x1: number; words: Word[] };
export type StatementHeader = { lineIndex: number; line: TextLine; columns: StatementColumn[] };

/** Header labels per role, on folded text; "Withdrawals/Debits" folds to "withdrawals debits". */
const LABELS: { role: StatementColumnRole; pattern: RegExp }[] = [
  { role: 'date', pattern: /^((trans(action)?|posting|post|value|entry) )?date$/ },
  {
    role: 'description',
    pattern:
      /^(description|details|narrative|particulars|memo|transaction|transactions|(transaction|payment) (description|details)|payment type and details)$/,
  },
  {
    role: 'debit',
    pattern:
      /^(withdrawals?|debits?|paid out|money out|withdrawn|payments|charges|out|debit amount|withdrawals (and )?(other )?debits)$/,
  },
  {
    role: 'credit',
    pattern:
      /^(deposits?|credits?|paid in|money in|receipts|in|credit amount|deposits (and )?(other )?credits)$/,
  },
  { role: 'amount', pattern: /^((transaction )?amount|amount \w{1,3})$/ },
  { role: 'balance', pattern: /^((running |ledger )?balance|balance \w{1,3})$/ },
];

function roleOf(words: readonly Word[]): StatementColumnRole | null {
  // OCR reads the slash of "Deposits/Credits" as a letter or a bar ("DepositsiCredits").
  const text = words.map((w) => w.text.replace(/(?<=[a-z])[il1|!](?=[A-Z])/g, ' ')).join(' ');
  const folded = foldText(text);
  return LABELS.find((label) => label.pattern.test(folded))?.role ?? null;
}

/** The column labels of a line, longest label first ("Paid out" before "out"). */
function readColumns(line: TextLine): { columns: StatementColumn[]; labelWords: number } {
  const columns: StatementColumn[] = [];
  let labelWords = 0;
  const words = line.words;
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    for (let n = Math.min(5, words.length - i); n >= 1 && matched === 0; n--) {
      const span = words.slice(i, i + n);
      const role = roleOf(span);
      if (!role) continue;
      matched = n;
      if (columns.some((c) => c.role === role)) continue;
      const [x0, , x1] = unionBbox(span);
      columns.push({ role, x0, x1, words: span });
    }
    labelWords += matched;
    i += Math.max(1, matched);
  }
  return { columns: columns.sort((a, b) => a.x0 - b.x0), labelWords };
}

/**
 * The header rows of a statement's transaction table: a line made mostly of column labels, with a date
 * column and money columns (debit and credit, or a signed amount). Multi-page statements repeat it on
 * every page. Lines carrying amounts are values, not headers.
 */
export function findStatementHeaders(lines: readonly TextLine[]): StatementHeader[] {
  const headers: StatementHeader[] = [];
  lines.forEach((line, lineIndex) => {
    if (/\d[.,]\d\d\b/.test(line.text)) return;
    const { columns, labelWords } = readColumns(line);
    const has = (role: StatementColumnRole) => columns.some((c) => c.role === role);
    const hasMoney = (has('debit') && has('credit')) || has('amount');
    if (!has('date') || !hasMoney || labelWords < 0.6 * line.words.length) return;
    headers.push({ lineIndex, line, columns });
  });
  return headers;
}

/** Distance from a word to a column's header span, 0 when they overlap horizontally. */
function distanceTo(word: Word, column: StatementColumn): number {
  return Math.max(0, column.x0 - word.bbox[2], word.bbox[0] - column.x1);
}

/**
 * The money column an amount is printed under. Amounts are right-aligned under their label, so among
 * columns it overlaps (or is equally near) the one whose right edge is closest wins.
 */
export function moneyColumnOf(word: Word, header: StatementHeader): StatementColumn | undefined {
  const money = header.columns.filter((c) => c.role !== 'date' && c.role !== 'description');
  const score = (c: StatementColumn) => distanceTo(word, c) * 10 + Math.abs(word.bbox[2] - c.x1);
  return [...money].sort((a, b) => score(a) - score(b))[0];
}
