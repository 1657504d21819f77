import type { Finding } from '../documents/extraction-result.ts';
import type { ExtractionToValidate, Rule, RuleContext } from './rule.ts';
import { currencyCode } from './rules/currency-code.ts';
import { dateFormat } from './rules/date-format.ts';
import { dateInFuture } from './rules/date-in-future.ts';
import { dateTooOld } from './rules/date-too-old.ts';
import { dueDateBeforeInvoiceDate } from './rules/due-date-before-invoice-date.ts';
import { duplicateContent } from './rules/duplicate-content.ts';
import { duplicateInvoiceNumber } from './rules/duplicate-invoice-number.ts';
import { lineItemsSum } from './rules/line-items-sum.ts';
import { moneyFormat } from './rules/money-format.ts';
import { necBelowThreshold } from './rules/nec-below-threshold.ts';
import { necInvoiceTotal } from './rules/nec-invoice-total.ts';
import { payerIsRecipient } from './rules/payer-is-recipient.ts';
import { periodEndBeforeStart } from './rules/period-end-before-start.ts';
import { possibleDuplicateAmount } from './rules/possible-duplicate-amount.ts';
import { recipientTinMismatch } from './rules/recipient-tin-mismatch.ts';
import { requiredFields } from './rules/required-fields.ts';
import { statementBalance } from './rules/statement-balance.ts';
import { taxClassificationTin } from './rules/tax-classification-tin.ts';
import { taxExceedsTotal } from './rules/tax-exceeds-total.ts';
import { taxIdFormat } from './rules/tax-id-format.ts';
import { tinNotOnFile } from './rules/tin-not-on-file.ts';
import { tinTypeMismatch } from './rules/tin-type-mismatch.ts';
import { totalsBalance } from './rules/totals-balance.ts';
import { transactionOutsidePeriod } from './rules/transaction-outside-period.ts';
import { unknownVendor } from './rules/unknown-vendor.ts';
import { vendorBankMismatch } from './rules/vendor-bank-mismatch.ts';
import { vendorBankNotOnFile } from './rules/vendor-bank-not-on-file.ts';
import { vendorTaxIdMismatch } from './rules/vendor-tax-id-mismatch.ts';
import { w9InvoiceTaxId } from './rules/w9-invoice-tax-id.ts';
import { w9TinMismatch } from './rules/w9-tin-mismatch.ts';
import { withholdingExceedsCompensation } from './rules/withholding-exceeds-compensation.ts';

/** Every rule, in the order their findings are listed: presence, formats, arithmetic, dates, duplicates, vendor. */
export const RULES: readonly Rule[] = [
  requiredFields,
  dateFormat,
  moneyFormat,
  currencyCode,
  taxIdFormat,
  tinTypeMismatch,
  taxClassificationTin,
  payerIsRecipient,
  totalsBalance,
  lineItemsSum,
  taxExceedsTotal,
  statementBalance,
  withholdingExceedsCompensation,
  necBelowThreshold,
  dueDateBeforeInvoiceDate,
  periodEndBeforeStart,
  transactionOutsidePeriod,
  dateInFuture,
  dateTooOld,
  duplicateContent,
  duplicateInvoiceNumber,
  possibleDuplicateAmount,
  unknownVendor,
  vendorTaxIdMismatch,
  vendorBankMismatch,
  vendorBankNotOnFile,
  w9TinMismatch,
  recipientTinMismatch,
  tinNotOnFile,
  w9InvoiceTaxId,
  necInvoiceTotal,
];

/** Runs every rule that applies to the document's type and returns their findings (empty = all passed). */
export function validateExtraction(extraction: ExtractionToValidate, ctx: RuleContext): Finding[] {
  return RULES.filter((rule) => rule.docTypes.includes(extraction.docType)).flatMap((rule) =>
    rule.check(extraction, ctx),
  );
}
