import type { ExtractedField } from '../../documents/extraction-result.ts';
import { dateReader } from './date-readers.ts';
import type { DocumentView } from './document-view.ts';
import { type FieldCandidate, pickBest, toExtractedField } from './field-candidate.ts';
import { findLabelledValues, type LabelRule } from './labelled-values.ts';
import { findBoxValues } from './tax-form-boxes.ts';
import { readCityStateZip, readStreetAddress } from './tax-form-readers.ts';
import { findTin, type TinRule } from './tax-form-tin.ts';
import { readName } from './value-readers.ts';
import { findTaxClassification } from './w9-classification.ts';

/** Labels end with their parenthetical and colon so that what is right of them is the value. */
const NAME_RULES: LabelRule[] = [
  { pattern: /name of entity\s?\/\s?individual/i, weight: 0.93 },
  {
    pattern: /(legal )?name \(as (shown )?on (your )?(income )?tax return\):?|legal name( \([^)]*\))?:?/i,
    weight: 0.92,
  },
];
const BUSINESS_NAME_RULES: LabelRule[] = [
  { pattern: /business name\s?\/\s?disregarded entity name/i, weight: 0.9 },
  { pattern: /business name( \/ dba)?:?|\bdba( name)?:?|doing business as:?/i, weight: 0.88 },
];
const ADDRESS_RULES: LabelRule[] = [
  { pattern: /\baddress \(number, street/i, weight: 0.93 },
  { pattern: /street address:?|^address:?$/i, weight: 0.9 },
];
const CITY_RULES: LabelRule[] = [
  { pattern: /city[,;.]? state[,;.]? (and )?zip( code)?:?|city\s?\/\s?state\s?\/\s?zip:?/i, weight: 0.93 },
];
const TIN_RULES: TinRule[] = [
  { pattern: /social security number/i, weight: 0.93, type: 'SSN' },
  { pattern: /employer identification number/i, weight: 0.93, type: 'EIN' },
  { pattern: /\bSSN:|\(SSN\):?$/, weight: 0.9, type: 'SSN' },
  { pattern: /\bEIN:|\(EIN\):?$/, weight: 0.9, type: 'EIN' },
  {
    pattern: /taxpayer id(entification)? (number|no\.?)( \(TIN\))?:?|\btax id( number)?:?|\bTIN:/i,
    weight: 0.9,
  },
];
const DATE_RULES: LabelRule[] = [{ pattern: /\bdate( signed)?:?$|\bdate( signed)?:?(?= )/i, weight: 0.93 }];

/**
 * The W-9 is a US form: a date it prints as "03/04/2025" is month first even when nothing else on the
 * page says so.
 */
const US_DATE_ORDER = 'month-first' as const;

/** Rules extractor for Form W-9, the IRS form and substitute forms alike. */
export function extractW9(view: DocumentView): Record<string, ExtractedField> {
  const fields: Record<string, ExtractedField> = {};
  const put = (name: string, candidate: FieldCandidate | null) => {
    if (candidate) fields[name] = toExtractedField(candidate);
  };
  const { lines } = view;
  put('name', pickBest(findBoxValues(lines, NAME_RULES, readName)));
  put('business_name', pickBest(findBoxValues(lines, BUSINESS_NAME_RULES, readName)));
  put('tax_classification', pickBest(findTaxClassification(lines)));
  put('address', pickBest(findBoxValues(lines, ADDRESS_RULES, readStreetAddress)));
  put('city_state_zip', pickBest(findBoxValues(lines, CITY_RULES, readCityStateZip)));
  const tin = findTin(lines, TIN_RULES);
  if (tin) {
    put('tin', { ...tin, value: tin.value.tin });
    if (tin.value.type) put('tin_type', { ...tin, value: tin.value.type });
  }
  put(
    'signature_date',
    pickBest(findLabelledValues(lines, DATE_RULES, dateReader(view.dateOrder ?? US_DATE_ORDER))),
  );
  return fields;
}
