import type { ExtractedField } from '../../documents/extraction-result.ts';
import { foldText } from '../normalize/text.ts';
import { findIssueDate } from './date-field.ts';
import type { DocumentView } from './document-view.ts';
import { pickBest, toExtractedField } from './field-candidate.ts';
import { findLabelledValues } from './labelled-values.ts';
import { findMerchantAddress } from './merchant-address.ts';
import { readMoney } from './money-reader.ts';
import { findMerchantName } from './receipt-merchant.ts';
import { findReceiptTotal } from './receipt-total.ts';

const TAX_LABEL = /\b(total\s*)?(gst|sst|vat|tax|service\s*tax|sales\s*tax)\b/i;
const NOT_TAX_AMOUNT = /\b(id|reg\w*|no|invoice|code|summary|incl\w*|excl\w*)\b/;

/** Rules extractor for receipts: merchant, address, date, currency, tax and total, each with its source. */
export function extractReceipt(view: DocumentView): Record<string, ExtractedField> {
  const fields: Record<string, ExtractedField> = {};
  const merchant = findMerchantName(view);
  if (merchant) {
    fields.merchant_name = toExtractedField(merchant.name);
    const address = findMerchantAddress(view, merchant.lastIndex);
    if (address) fields.merchant_address = toExtractedField(address);
  }
  const date = findIssueDate(view);
  if (date) fields.date = toExtractedField(date);
  const total = findReceiptTotal(view);
  if (total) fields.total_amount = toExtractedField(total);
  const tax = pickBest(
    findLabelledValues(
      view.lines,
      [{ pattern: TAX_LABEL, weight: (m) => (NOT_TAX_AMOUNT.test(foldText(m.line.text)) ? 0 : 0.7) }],
      readMoney,
      { rightScope: 'line', lookBelow: false },
    ),
  );
  if (tax) fields.tax_amount = toExtractedField(tax);
  if (view.currency) {
    const sure = view.currency.count >= 2 ? 0.9 : 0.75;
    fields.currency = { value: view.currency.code, confidence: sure };
  }
  return fields;
}
