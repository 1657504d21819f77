import type { Word } from '../../documents/page.ts';
import type { TextLine } from '../layout/text-line.ts';
import { spanText } from '../layout/word-span.ts';
import type { DateOrder } from '../normalize/date.ts';
import { moneyToCents } from '../normalize/money.ts';
import { foldText } from '../normalize/text.ts';
import type { DateInSpan } from './dates-in-span.ts';
import { moneyInSpan } from './money-in-span.ts';
import { repairStatementAmounts } from './statement-amount-repair.ts';
import { moneyColumnOf, type StatementColumnRole, type StatementHeader } from './statement-columns.ts';
import { readRowDate, type StatementYears } from './statement-dates.ts';

/** What a table line is: a transaction, a balance carried between pages or periods, or text. */
export type StatementRowKind = 'transaction' | 'opening' | 'closing' | 'total' | 'text';

export type MoneyCell = {
  role: StatementColumnRole;
  /** Signed by the column (debits negative) or, in an amount or balance column, as printed. */
  cents: number;
  /** Signed only by what is printed (a minus, parentheses, CR/DR), whatever the column. */
  printedCents: number;
  words: Word[];
  hasMinus: boolean;
};

export type StatementRow = {
  kind: StatementRowKind;
  line: TextLine;
  date: DateInSpan | null;
  description: string;
  descriptionWords: Word[];
  /** Money in the debit, credit or amount column, signed as printed (debits negative). */
  movement?: MoneyCell;
  balance?: MoneyCell;
};

const OPENING_ROW =
  /^(balance )?(brought forward|b f\b)|^(opening|beginning|previous|starting) balance|^balance (at start|from previous)/;
const CLOSING_ROW = /^(balance )?(carried forward|c f\b)|^(closing|ending|new) balance|^balance at end/;
const TOTAL_ROW = /^totals?\b/;

/**
 * A bank's credit/debit markers: "1,250.00 CR" is money in and "45.00 DR" money out, the opposite of a
 * card statement's CR, so they are read here rather than by the money parser. Returns the words with
 * the markers cut off (same boxes) and which amount word each marker belongs to.
 */
function splitSignMarkers(words: readonly Word[]): { words: Word[]; markers: Map<Word, 1 | -1> } {
  const kept: Word[] = [];
  const markers = new Map<Word, 1 | -1>();
  for (const word of words) {
    const previous = kept[kept.length - 1];
    const alone = /^(CR|DR)\.?$/i.exec(word.text);
    if (alone && previous && /\d[.,]\d\d$/.test(previous.text)) {
      markers.set(previous, alone[1]!.toUpperCase() === 'CR' ? 1 : -1);
      continue;
    }
    const glued = /^(.*\d)(CR|DR)$/i.exec(word.text);
    const text = (glued ? glued[1]! : word.text).replace(/^\+(?=\d)/, '');
    const cleaned = text === word.text ? word : { ...word, text };
    if (glued) markers.set(cleaned, glued[2]!.toUpperCase() === 'CR' ? 1 : -1);
    kept.push(cleaned);
  }
  return { words: kept, markers };
}

function isMoneyRole(role: StatementColumnRole): boolean {
  return role !== 'date' && role !== 'description';
}

function kindOf(description: string, hasMoney: boolean): StatementRowKind {
  const folded = foldText(description);
  if (OPENING_ROW.test(folded)) return 'opening';
  if (CLOSING_ROW.test(folded)) return 'closing';
  if (TOTAL_ROW.test(folded)) return 'total';
  return hasMoney ? 'transaction' : 'text';
}

/**
 * Reads one line under a statement header: the date from the cell left of the description column, each
 * amount into the column it is printed under, and the rest as the description.
 */
export function readStatementRow(
  line: TextLine,
  header: StatementHeader,
  order: DateOrder | null,
  years: StatementYears,
): StatementRow {
  const height = line.heightPx / line.pageWidth;
  const moneyX = Math.min(...header.columns.filter((c) => isMoneyRole(c.role)).map((c) => c.x0)) - 2 * height;
  const repaired = repairStatementAmounts(line.words, moneyX - 2 * height, 2 * height);
  const { words, markers } = splitSignMarkers(repaired);
  const description = header.columns.find((c) => c.role === 'description');
  const dateZone = description
    ? words.filter((w) => w.bbox[0] < description.x0 - 1.5 * height)
    : words.slice(0, 3);
  // Stray marks OCR leaves inside a date ("Mar 01,:2025") would hide it from the date patterns.
  const date = readRowDate(
    dateZone.map((w) => ({ ...w, text: w.text.replace(/[:;'’]/g, '') })),
    order,
    years,
  );
  // Left of the description column everything is date; without that column, only the date's own words.
  const used = new Set<Word>(description ? dateZone : dateZone.slice(0, date?.words.length ?? 0));
  const cells: MoneyCell[] = [];
  for (const amount of moneyInSpan(words)) {
    if (!amount.hasDecimals || amount.words.some((w) => used.has(w))) continue;
    const last = amount.words[amount.words.length - 1]!;
    const column = moneyColumnOf(last, header);
    if (!column || cells.some((c) => c.role === column.role)) continue;
    const magnitude = Math.abs(moneyToCents(amount.value));
    const marker = markers.get(last);
    const printedSign = amount.value.startsWith('-') ? -1 : 1;
    const sign = column.role === 'debit' ? -1 : column.role === 'credit' ? 1 : (marker ?? printedSign);
    cells.push({
      role: column.role,
      cents: sign * magnitude,
      printedCents: (marker ?? printedSign) * magnitude,
      words: amount.words,
      hasMinus: marker !== undefined || printedSign < 0,
    });
    for (const w of amount.words) used.add(w);
  }
  // Beyond the money columns' left edge nothing is description: an amount OCR mangled stays out of it.
  const descriptionWords = words.filter(
    (w) => !used.has(w) && w.bbox[0] < moneyX && /[\p{L}\p{N}]/u.test(w.text),
  );
  const text = spanText(descriptionWords);
  const balance = cells.find((c) => c.role === 'balance');
  const movements = cells.filter((c) => c.role !== 'balance');
  const movement =
    movements.length === 0
      ? undefined
      : {
          ...movements[0]!,
          cents: movements.reduce((sum, c) => sum + c.cents, 0),
          words: movements.flatMap((c) => c.words),
        };
  return {
    kind: kindOf(text, movement !== undefined || balance !== undefined),
    line,
    date,
    description: text,
    descriptionWords,
    ...(movement && { movement }),
    ...(balance && { balance }),
  };
}
