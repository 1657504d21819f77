import type { DocType } from '../documents/types/index.ts';

/** Fields of each type by value format; `rows` are table fields whose cells have a format of their own. */
type FieldKinds = {
  dates: readonly string[];
  money: readonly string[];
  currency: readonly string[];
  rows: readonly { field: string; dates: readonly string[]; money: readonly string[] }[];
};

const NONE: FieldKinds = { dates: [], money: [], currency: [], rows: [] };

export const FIELD_KINDS: Record<DocType, FieldKinds> = {
  invoice: {
    dates: ['invoice_date', 'due_date', 'period_start', 'period_end'],
    money: ['subtotal', 'tax_amount', 'total_amount'],
    currency: ['currency'],
    rows: [{ field: 'line_items', dates: [], money: ['unit_price', 'amount'] }],
  },
  receipt: { dates: ['date'], money: ['tax_amount', 'total_amount'], currency: ['currency'], rows: [] },
  w9: { ...NONE, dates: ['signature_date'] },
  form_1099_nec: { ...NONE, money: ['nonemployee_compensation', 'federal_tax_withheld'] },
  bank_statement: {
    dates: ['period_start', 'period_end'],
    money: ['opening_balance', 'closing_balance'],
    currency: [],
    rows: [{ field: 'transactions', dates: ['date'], money: ['amount'] }],
  },
  other: NONE,
};

/** The date that says when the document was made, checked against today (not due dates or service periods). */
export const DOCUMENT_DATE_FIELD: Partial<Record<DocType, string>> = {
  invoice: 'invoice_date',
  receipt: 'date',
  w9: 'signature_date',
  bank_statement: 'period_end',
};
