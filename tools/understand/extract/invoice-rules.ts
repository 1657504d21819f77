import type { LabelMatch } from '../layout/find-label.ts';
import { foldText } from '../normalize/text.ts';
import type { LabelRule } from './labelled-values.ts';

function unless(pattern: RegExp, weight: number): (match: LabelMatch) => number {
  return (match) =>
    pattern.test(foldText(match.line.text.slice(match.line.text.indexOf(match.text)))) ? 0 : weight;
}

/** Invoice numbers beat contract numbers beat order numbers when a document prints several. */
export const INVOICE_NUMBER_RULES: LabelRule[] = [
  { pattern: /\b(invoice|inv)\.?\s*(#|no\b\.?|number|num\b|nbr)/i, weight: 0.92 },
  {
    pattern: /\bcontract\s*(#|no\b\.?|number)?(\s*\/\s*revision)?/i,
    weight: unless(/^contract\s+(agreement|dates?|comment)/, 0.86),
  },
  { pattern: /\border\s*\/\s*rev\b:?/i, weight: 0.84 },
  { pattern: /\b(?<!alt\s)(?<!purchase\s)order\s*(#|no\b\.?|number)/i, weight: 0.7 },
  // A bare "Invoice" beside a number is weaker than "Contract": on ad-buy documents printing both, the
  // contract number identifies the buy (measured on the DeepForm dev set).
  { pattern: /\b(?:tax\s+)?invoice\b:?/i, weight: 0.6 },
];

export const CUSTOMER_RULES: LabelRule[] = [
  { pattern: /\badvertiser(\s*name)?\s*:?/i, weight: unless(/^advertiser\s*(code|ref|external|id)/, 0.85) },
  { pattern: /\b(bill(ed)?\s*to|sold\s*to|customer(\s*name)?|client(\s*name)?)\s*:?/i, weight: 0.75 },
];

const NOT_GROSS_TOTAL =
  /^(totals?\s*(spots?|tax|gst|vat|net|commission|impressions|units?)|sub\s*-?\s*total)/;
export const TOTAL_RULES: LabelRule[] = [
  { pattern: /\b(gross\s*(total|amount)s?|total\s*gross|station\s*gross\s*totals?)/i, weight: 0.92 },
  { pattern: /\bgrand\s*total/i, weight: 0.88 },
  {
    pattern: /\b(invoice\s*total|total\s*(amount\s*)?due|total\s*amount|balance\s*due|amount\s*due)/i,
    weight: unless(/^net/, 0.8),
  },
  { pattern: /\btotals?\b/i, weight: unless(NOT_GROSS_TOTAL, 0.7) },
  { pattern: /\bnet\s*(amount|total)(\s*due)?/i, weight: 0.3 },
];

export const PERIOD_RULES: LabelRule[] = [
  { pattern: /\b(order\s*)?flight(\s*(dates?|start|from|period))?\s*:?/i, weight: 0.9 },
  { pattern: /\b(contract|schedule|campaign|air)\s*dates?\s*:?/i, weight: 0.82 },
  { pattern: /\b(service|billing)\s*period\s*:?/i, weight: 0.75 },
  { pattern: /\b(invoice\s*)?period\s*:?/i, weight: 0.5 },
];

export const INVOICE_DATE_RULES: LabelRule[] = [
  { pattern: /\b(invoice|inv|issue|billing)\s*date\s*:?|date\s*of\s*(issue|invoice)/i, weight: 0.9 },
];
export const DUE_DATE_RULES: LabelRule[] = [
  { pattern: /\b(due\s*date|payment\s*due|date\s*due|pay\s*by)\s*:?/i, weight: 0.85 },
];
export const PO_RULES: LabelRule[] = [
  {
    pattern: /\b(p\.?\s*o\.?\s*(#|no\b\.?|number)|purchase\s*order(\s*(#|no\b\.?|number))?)\s*:?/i,
    weight: 0.8,
  },
];
export const SUBTOTAL_RULES: LabelRule[] = [{ pattern: /\bsub\s*-?\s*total/i, weight: 0.85 }];
export const TAX_RULES: LabelRule[] = [
  {
    pattern: /\b(total\s*)?(tax|vat|gst|sales\s*tax)\b/i,
    weight: unless(/\b(id|reg\w*|no|number|exempt|incl\w*|excl\w*)\b/, 0.7),
  },
];
export const TAX_ID_RULES: LabelRule[] = [
  {
    pattern:
      /\b(ein|fein|tax\s*id|tin|vat\s*(no|number|reg\w*|id)|gst\s*(no|reg\w*|id)|abn)\b\.?\s*(no\.?|#|number)?\s*:?/i,
    weight: 0.75,
  },
];
