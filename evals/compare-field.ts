import { parseDate } from '../tools/understand/normalize/date.ts';
import { moneyToCents, parseMoney } from '../tools/understand/normalize/money.ts';
import { foldText } from '../tools/understand/normalize/text.ts';

export type FieldKind = 'money' | 'date' | 'text';

export type FieldComparison = { isMatch: boolean; similarity: number };

const MONEY_FIELDS = /(amount|total|subtotal|balance|compensation|withheld|price)$/;
const DATE_FIELDS = /(date|period_start|period_end)$/;

/** How a field is compared, from its name in the schema contract. */
export function fieldKind(field: string): FieldKind {
  if (MONEY_FIELDS.test(field)) return 'money';
  if (DATE_FIELDS.test(field)) return 'date';
  return 'text';
}

/** Levenshtein distance over code points; fine for field values, which are short. */
function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[y.length]!;
}

/** 1 − normalized edit distance of the folded texts, 0..1. */
export function textSimilarity(a: string, b: string): number {
  const x = foldText(a);
  const y = foldText(b);
  if (x === y) return 1;
  const longest = Math.max([...x].length, [...y].length);
  return longest === 0 ? 1 : 1 - editDistance(x, y) / longest;
}

function asString(value: unknown): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'number'
      ? String(value)
      : JSON.stringify(value ?? '');
}

/**
 * Compares a predicted value with the expected one the way DESIGN.md says: money numerically to the cent,
 * dates as ISO dates, text after folding case, whitespace and punctuation. The fuzzy similarity is reported
 * beside the verdict, never instead of it.
 */
export function compareField(field: string, expected: unknown, predicted: unknown): FieldComparison {
  if (Array.isArray(expected)) return compareRows(expected, predicted);
  const e = asString(expected);
  const p = asString(predicted);
  const similarity = textSimilarity(e, p);
  const kind = fieldKind(field);
  if (kind === 'money') {
    const em = parseMoney(e);
    const pm = parseMoney(p);
    return {
      isMatch: em !== null && pm !== null && moneyToCents(em.value) === moneyToCents(pm.value),
      similarity,
    };
  }
  if (kind === 'date') {
    const ed = parseDate(e, 'month-first');
    const pd = parseDate(p, 'month-first');
    return { isMatch: ed !== null && pd !== null && ed.value === pd.value, similarity };
  }
  return { isMatch: foldText(e).replace(/\s/g, '') === foldText(p).replace(/\s/g, ''), similarity };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Rows (line items, transactions): right when there are as many rows as expected and every cell the label
 * gives matches, each compared by its own column name (`amount` as money, `date` as a date); cells the label
 * leaves out, such as a row's `source`, are not judged. The similarity is the share of labelled cells right.
 */
function compareRows(expected: unknown[], predicted: unknown): FieldComparison {
  const rows = Array.isArray(predicted) ? predicted : [];
  let cells = 0;
  let right = 0;
  expected.forEach((want, index) => {
    const got = rows[index];
    const wanted = isRecord(want) ? Object.entries(want) : [['value', want] as const];
    for (const [column, value] of wanted) {
      cells++;
      const cell = isRecord(want) ? (isRecord(got) ? got[column] : undefined) : got;
      if (cell !== undefined && compareField(column, value, cell).isMatch) right++;
    }
  });
  const similarity = cells === 0 ? (rows.length === 0 ? 1 : 0) : right / cells;
  return { isMatch: rows.length === expected.length && right === cells, similarity };
}
