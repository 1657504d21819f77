import type { ExtractedField } from '../../documents/extraction-result.ts';
import type { DocumentView } from './document-view.ts';
import { type FieldCandidate, pickBest, toExtractedField } from './field-candidate.ts';
import type { LabelRule } from './labelled-values.ts';
import { findBoxValues } from './tax-form-boxes.ts';
import { readBoxAmount, readTaxYear } from './tax-form-readers.ts';
import { findTin, type TinRule } from './tax-form-tin.ts';
import { readName } from './value-readers.ts';

/** OCR drops or bends the apostrophe of "PAYER'S" and "RECIPIENT'S". */
const S = String.raw`(?:['’‘\`]?s)`;

const YEAR_RULES: LabelRule[] = [{ pattern: /for calendar year|calendar year:?|tax year:?/i, weight: 0.93 }];
const PAYER_NAME_RULES: LabelRule[] = [
  { pattern: new RegExp(`payer${S} name`, 'i'), weight: 0.93 },
  { pattern: /^payer:?$|^payer:/i, weight: 0.9 },
];
const RECIPIENT_NAME_RULES: LabelRule[] = [
  { pattern: new RegExp(`recipient${S} name`, 'i'), weight: 0.93 },
  { pattern: /^recipient:?$|^recipient:/i, weight: 0.9 },
];
const PAYER_TIN_RULES: TinRule[] = [
  {
    pattern: new RegExp(`payer${S}? (tin|ein|federal id( number)?|federal identification number):?`, 'i'),
    weight: 0.93,
  },
];
const RECIPIENT_TIN_RULES: TinRule[] = [
  {
    pattern: new RegExp(`recipient${S}? (tin|id(entification)? number|ssn|ein):?`, 'i'),
    weight: 0.93,
  },
];
const COMPENSATION_RULES: LabelRule[] = [{ pattern: /nonemployee compensation/i, weight: 0.93 }];
const WITHHELD_RULES: LabelRule[] = [{ pattern: /federal income tax withheld/i, weight: 0.93 }];

/** Rules extractor for Form 1099-NEC: the IRS copies and payroll systems' recipient statements. */
export function extract1099Nec(view: DocumentView): Record<string, ExtractedField> {
  const fields: Record<string, ExtractedField> = {};
  const put = (name: string, candidate: FieldCandidate | null) => {
    if (candidate) fields[name] = toExtractedField(candidate);
  };
  const { lines } = view;
  put('tax_year', pickBest(findBoxValues(lines, YEAR_RULES, readTaxYear)));
  put('payer_name', pickBest(findBoxValues(lines, PAYER_NAME_RULES, readName)));
  put('recipient_name', pickBest(findBoxValues(lines, RECIPIENT_NAME_RULES, readName)));
  const payerTin = findTin(lines, PAYER_TIN_RULES);
  if (payerTin) put('payer_tin', { ...payerTin, value: payerTin.value.tin });
  const recipientTin = findTin(lines, RECIPIENT_TIN_RULES);
  if (recipientTin) put('recipient_tin', { ...recipientTin, value: recipientTin.value.tin });
  const money = { rightScope: 'line' as const };
  put('nonemployee_compensation', pickBest(findBoxValues(lines, COMPENSATION_RULES, readBoxAmount, money)));
  put('federal_tax_withheld', pickBest(findBoxValues(lines, WITHHELD_RULES, readBoxAmount, money)));
  return fields;
}
