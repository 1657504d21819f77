import type { Finding } from '../../documents/extraction-result.ts';
import { textValue } from '../field-values.ts';
import type { Rule } from '../rule.ts';
import { classifyUsTin, type UsTinKind } from '../tax-id-shape.ts';

const RULE = 'tax_classification_tin';

type Classification =
  | 'individual'
  | 'c_corporation'
  | 's_corporation'
  | 'partnership'
  | 'trust_estate'
  | 'llc';

/** Line 3 as read, in the schema's words or as printed on the form; `other` and the unreadable are undefined. */
export function classificationOf(printed: string): Classification | undefined {
  const text = printed
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  // The individual box reads "Individual/sole proprietor or single-member LLC": test it before LLC.
  if (/^(individual|sole propriet|single member)/.test(text)) return 'individual';
  if (/^c (corp|corporation)\b/.test(text)) return 'c_corporation';
  if (/^s (corp|corporation)\b/.test(text)) return 's_corporation';
  if (/^partnership\b/.test(text)) return 'partnership';
  if (/^(trust|estate)\b/.test(text)) return 'trust_estate';
  if (/^(llc|limited liability)\b/.test(text)) return 'llc';
  return undefined;
}

/** What a payee of this classification that gave an SSN or ITIN is told, and how sure we are it is wrong. */
const NEEDS_EIN: Partial<Record<Classification, [Finding['severity'], string]>> = {
  c_corporation: ['error', 'A C corporation gives its EIN, never an owner’s SSN'],
  s_corporation: ['error', 'An S corporation gives its EIN, never a shareholder’s SSN'],
  partnership: ['error', 'A partnership gives its EIN, never a partner’s SSN'],
  // A grantor trust may give the grantor's SSN (W-9 instructions, "What Name and Number To Give").
  trust_estate: [
    'warning',
    'A trust or estate gives its EIN; only a grantor trust may give the grantor’s SSN',
  ],
  // A disregarded single-member LLC should tick its owner's box instead of LLC; often it ticks LLC anyway.
  llc: [
    'warning',
    'An LLC gives its EIN unless it is a single-member LLC disregarded for tax, which gives its owner’s SSN and ticks the individual box',
  ],
};

/**
 * A W-9's tax classification (line 3) and TIN agree: individuals and sole proprietors may give an SSN, an
 * ITIN or an EIN; corporations and partnerships must give an EIN; trusts and LLCs usually do.
 */
export const taxClassificationTin: Rule = {
  id: RULE,
  docTypes: ['w9'],
  check({ fields }) {
    const printed = textValue(fields, 'tax_classification');
    const tin = textValue(fields, 'tin');
    const classification = printed === undefined ? undefined : classificationOf(printed);
    if (classification === undefined) return [];
    const boxed = textValue(fields, 'tin_type');
    // The number's shape says what it is; the box is the fallback when the number is unreadable.
    const kind: UsTinKind | undefined =
      (tin && classifyUsTin(tin)) || (boxed === 'SSN' || boxed === 'EIN' ? boxed : undefined);
    const rule = NEEDS_EIN[classification];
    if (!rule || kind === undefined || kind === 'EIN') return [];
    const [severity, why] = rule;
    return [
      {
        rule: RULE,
        severity,
        field: 'tin',
        message: `${why}, but this W-9 gives an ${kind}. Check the box ticked on line 3 and the TIN, and ask the payee for a corrected W-9 if they disagree.`,
      },
    ];
  },
};
