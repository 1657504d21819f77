import type { Config } from '../core/config.ts';
import type { DocType } from '../documents/types/index.ts';

/**
 * Fields that hold a tax id or an account number, per type. When a type is masked, these are never asked
 * of the model (it cannot see them); they are filled on this machine instead.
 */
export const SENSITIVE_FIELDS: Record<DocType, readonly string[]> = {
  invoice: ['vendor_tax_id', 'bank_account', 'bank_routing'],
  receipt: [],
  w9: ['tin', 'tin_type'],
  form_1099_nec: ['payer_tin', 'recipient_tin'],
  bank_statement: ['account_number_last4'],
  other: [],
};

/** Whether `MASK_BEFORE_SEND` covers the type (`all` covers every type). */
export function isMaskedType(docType: DocType, config: Pick<Config, 'MASK_BEFORE_SEND'>): boolean {
  return config.MASK_BEFORE_SEND.includes('all') || config.MASK_BEFORE_SEND.includes(docType);
}
