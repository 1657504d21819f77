import type { DocType } from '../documents/types/index.ts';

/** The field whose value is "how much": what limits (auto-approval, four eyes) are measured against. */
export const AMOUNT_FIELD: Partial<Record<DocType, string>> = {
  invoice: 'total_amount',
  receipt: 'total_amount',
  form_1099_nec: 'nonemployee_compensation',
};

/**
 * The document's amount as a number of currency units, or undefined when the type has none or it was not
 * read. Limits are compared in the document's own currency: one limit for all, by design (see README).
 */
export function documentAmount(docType: DocType, values: Record<string, unknown>): number | undefined {
  const field = AMOUNT_FIELD[docType];
  const value = field ? values[field] : undefined;
  if (typeof value !== 'string' || !/^-?\d+(\.\d+)?$/.test(value)) return undefined;
  return Math.abs(Number(value));
}

/** The amount and currency as printed in the record (decimal strings), for showing beside a task. */
export function documentAmountText(
  docType: DocType | null,
  values: Record<string, unknown>,
): { amount?: string; currency?: string } {
  const field = docType ? AMOUNT_FIELD[docType] : undefined;
  const amount = field ? values[field] : undefined;
  const currency = values.currency;
  return {
    ...(typeof amount === 'string' && { amount }),
    ...(typeof currency === 'string' && { currency }),
  };
}
