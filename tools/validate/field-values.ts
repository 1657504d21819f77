import type { ExtractedField } from '../documents/extraction-result.ts';
import { moneyToCents } from '../understand/normalize/money.ts';

/** The schema's money shape: a dot, two decimals, no grouping ("1234.50", "-12.00"). */
const MONEY = /^-?\d+\.\d{2}$/;

/** A field's value as trimmed text, or undefined when the field is absent, empty or not text. */
export function textValue(fields: Record<string, ExtractedField>, name: string): string | undefined {
  const value = fields[name]?.value;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}

export function isMoney(value: unknown): value is string {
  return typeof value === 'string' && MONEY.test(value);
}

/** A well-formed money field in cents, or undefined (absent or malformed: the format rule reports that). */
export function centsValue(fields: Record<string, ExtractedField>, name: string): number | undefined {
  const value = fields[name]?.value;
  return isMoney(value) ? moneyToCents(value) : undefined;
}

/** The rows of a table field (line items, transactions); anything that is not a list of objects is none. */
export function rowsValue(fields: Record<string, ExtractedField>, name: string): Record<string, unknown>[] {
  const value = fields[name]?.value;
  if (!Array.isArray(value)) return [];
  return value.filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null);
}
