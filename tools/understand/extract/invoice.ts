import type { ExtractedField } from '../../documents/extraction-result.ts';
import { moneyToCents } from '../normalize/money.ts';
import { dateRangeReader, dateReader } from './date-readers.ts';
import type { DocumentView } from './document-view.ts';
import { type FieldCandidate, pickBest, toExtractedField } from './field-candidate.ts';
import { findInvoiceParties } from './invoice-parties.ts';
import {
  CUSTOMER_RULES,
  DUE_DATE_RULES,
  INVOICE_DATE_RULES,
  INVOICE_NUMBER_RULES,
  PERIOD_RULES,
  PO_RULES,
  SUBTOTAL_RULES,
  TAX_ID_RULES,
  TAX_RULES,
  TOTAL_RULES,
} from './invoice-rules.ts';
import { findLabelledValues } from './labelled-values.ts';
import { findLineItems, sumLineAmounts } from './line-items.ts';
import { readMoney } from './money-reader.ts';
import { findRemitTo } from './remit-to.ts';
import { readIdentifier, readName } from './value-readers.ts';

/**
 * Among equally labelled totals the largest is the gross: net, commission and per-line figures are all
 * smaller, and a multi-page order prints a "Totals" line per page or per week before the grand one. The
 * bonus (0.15) lets the largest "Totals" beat a stray "Total" but not a "Gross total" label.
 */
function favourLargest(candidates: FieldCandidate[]): FieldCandidate[] {
  const max = Math.max(...candidates.map((c) => moneyToCents(c.value)));
  return candidates.map((c) => (moneyToCents(c.value) === max ? { ...c, score: c.score + 0.15 } : c));
}

/**
 * Line amounts that add up to the subtotal (or, without one, to the total) confirm the table was read
 * whole and right; a sum that matches neither means a row was missed or misread.
 */
function putLineItems(fields: Record<string, ExtractedField>, view: DocumentView): void {
  const table = findLineItems(view);
  if (!table) return;
  const sum = sumLineAmounts(table.items);
  const target = fields.subtotal ?? fields.total_amount;
  let score = table.score;
  if (sum !== null && target) {
    score = sum === moneyToCents(String(target.value)) ? score + (1 - score) * 0.7 : score * 0.6;
  }
  fields.line_items = {
    ...toExtractedField({
      value: table.items,
      words: table.words,
      page: table.page,
      score,
      evidence: 'table',
    }),
  };
}

/** Subtotal + tax = total confirms all three; a mismatch lowers the total's confidence. */
function crossCheck(fields: Record<string, ExtractedField>): void {
  const { subtotal, tax_amount: tax, total_amount: total } = fields;
  if (!subtotal || !total) return;
  const sum = moneyToCents(String(subtotal.value)) + (tax ? moneyToCents(String(tax.value)) : 0);
  const agrees = sum === moneyToCents(String(total.value));
  for (const field of [subtotal, tax, total]) {
    if (!field) continue;
    field.confidence =
      Math.round((agrees ? field.confidence + (1 - field.confidence) * 0.5 : field.confidence * 0.8) * 100) /
      100;
  }
}

/** Rules extractor for invoices (and ad-buy orders and contracts): every invoice field it can find. */
export function extractInvoice(view: DocumentView): Record<string, ExtractedField> {
  const fields: Record<string, ExtractedField> = {};
  const put = (name: string, candidate: FieldCandidate | null) => {
    if (candidate) fields[name] = toExtractedField(candidate);
  };
  const { lines, dateOrder } = view;
  put('invoice_number', pickBest(findLabelledValues(lines, INVOICE_NUMBER_RULES, readIdentifier)));
  put(
    'customer_name',
    pickBest(
      findLabelledValues(lines, CUSTOMER_RULES, readName, { maxGapHeights: 12, labelNearCellStart: true }),
    ),
  );
  put('po_number', pickBest(findLabelledValues(lines, PO_RULES, readIdentifier)));
  put('vendor_tax_id', pickBest(findLabelledValues(lines, TAX_ID_RULES, readIdentifier)));
  put('invoice_date', pickBest(findLabelledValues(lines, INVOICE_DATE_RULES, dateReader(dateOrder))));
  put('due_date', pickBest(findLabelledValues(lines, DUE_DATE_RULES, dateReader(dateOrder))));
  const totals = findLabelledValues(lines, TOTAL_RULES, readMoney, { rightScope: 'line' });
  put('total_amount', pickBest(totals.length > 0 ? favourLargest(totals) : []));
  put('subtotal', pickBest(findLabelledValues(lines, SUBTOTAL_RULES, readMoney, { rightScope: 'line' })));
  put(
    'tax_amount',
    pickBest(findLabelledValues(lines, TAX_RULES, readMoney, { rightScope: 'line', lookBelow: false })),
  );
  const period = pickBest(
    findLabelledValues(lines, PERIOD_RULES, dateRangeReader(dateOrder)),
    (v) => `${v.start}/${v.end}`,
  );
  if (period) {
    put('period_start', { ...period, value: period.value.start });
    if (period.value.end) put('period_end', { ...period, value: period.value.end });
  }
  const parties = findInvoiceParties(view);
  put('vendor_name', parties.vendorName);
  put('vendor_address', parties.vendorAddress);
  const remitTo = findRemitTo(lines);
  put('bank_account', remitTo.bankAccount);
  put('bank_routing', remitTo.bankRouting);
  if (view.currency)
    fields.currency = { value: view.currency.code, confidence: view.currency.count >= 2 ? 0.9 : 0.75 };
  crossCheck(fields);
  putLineItems(fields, view);
  return fields;
}
