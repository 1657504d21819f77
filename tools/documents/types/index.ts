import { z } from 'zod';
import { BankStatementSchema } from './bank-statement.ts';
import { Form1099NecSchema } from './form-1099-nec.ts';
import { InvoiceSchema } from './invoice.ts';
import { ReceiptSchema } from './receipt.ts';
import { W9Schema } from './w9.ts';

export const DOC_TYPES = ['invoice', 'receipt', 'w9', 'form_1099_nec', 'bank_statement', 'other'] as const;
export type DocType = (typeof DOC_TYPES)[number];

/** One schema per type; `other` extracts nothing and always goes to review. */
export const DOC_TYPE_SCHEMAS = {
  invoice: InvoiceSchema,
  receipt: ReceiptSchema,
  w9: W9Schema,
  form_1099_nec: Form1099NecSchema,
  bank_statement: BankStatementSchema,
  other: z.object({}),
} as const satisfies Record<DocType, z.ZodObject>;

/** Fields a document must carry, at or above threshold, to go straight through. */
export const REQUIRED_FIELDS: Record<DocType, readonly string[]> = {
  invoice: ['vendor_name', 'invoice_number', 'invoice_date', 'total_amount'],
  receipt: ['merchant_name', 'date', 'total_amount'],
  w9: ['name', 'tax_classification', 'tin_type', 'tin'],
  form_1099_nec: [
    'tax_year',
    'payer_name',
    'payer_tin',
    'recipient_name',
    'recipient_tin',
    'nonemployee_compensation',
  ],
  bank_statement: [
    'bank_name',
    'account_number_last4',
    'period_start',
    'period_end',
    'opening_balance',
    'closing_balance',
  ],
  other: [],
};

export function isDocType(value: string): value is DocType {
  return (DOC_TYPES as readonly string[]).includes(value);
}
