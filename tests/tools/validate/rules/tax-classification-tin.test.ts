import { describe, expect, it } from 'vitest';
import {
  classificationOf,
  taxClassificationTin,
} from '../../../../tools/validate/rules/tax-classification-tin.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

const SSN = '123-45-6789';
const ITIN = '912-70-1234';
const EIN = '12-3456789';

describe('tax_classification_tin', () => {
  it.each([
    ['individual', SSN, 'SSN', undefined],
    ['individual', ITIN, 'SSN', undefined],
    ['individual', EIN, 'EIN', undefined],
    ['Individual/sole proprietor or single-member LLC', SSN, 'SSN', undefined],
    ['c_corporation', EIN, 'EIN', undefined],
    ['c_corporation', SSN, 'SSN', 'error'],
    ['C Corporation', ITIN, 'SSN', 'error'],
    ['s_corporation', SSN, 'SSN', 'error'],
    ['partnership', SSN, 'SSN', 'error'],
    ['partnership', EIN, 'EIN', undefined],
    ['trust_estate', SSN, 'SSN', 'warning'],
    ['Trust/estate', EIN, 'EIN', undefined],
    ['llc', SSN, 'SSN', 'warning'],
    ['Limited liability company', EIN, 'EIN', undefined],
    ['other', SSN, 'SSN', undefined],
    ['smudged', SSN, 'SSN', undefined],
    // The number's shape decides over the box; the box decides when the number is unreadable.
    ['c_corporation', SSN, 'EIN', 'error'],
    ['c_corporation', 'garbled', 'SSN', 'error'],
    ['c_corporation', 'garbled', 'EIN', undefined],
  ] as const)(
    'a W-9 ticked %s with TIN %s in the %s box gives %s',
    (classification, tin, tinType, severity) => {
      const findings = taxClassificationTin.check(
        extraction('w9', { tax_classification: classification, tin, tin_type: tinType }),
        context(),
      );
      expect(findings.map((f) => f.severity)).toEqual(severity ? [severity] : []);
      for (const f of findings) {
        expect(f).toMatchObject({ rule: 'tax_classification_tin', field: 'tin' });
        expect(f.message).toContain('Check the box ticked on line 3 and the TIN');
        expect(f.message).not.toContain(tin);
      }
    },
  );

  it('says what is expected of a corporation and what was given', () => {
    const [finding] = taxClassificationTin.check(
      extraction('w9', { tax_classification: 's_corporation', tin: ITIN, tin_type: 'SSN' }),
      context(),
    );
    expect(finding?.message).toMatch(
      /^An S corporation gives its EIN, never a shareholder’s SSN, but this W-9 gives an ITIN\./,
    );
  });

  it.each([
    ['individual', 'individual'],
    ['Sole proprietor', 'individual'],
    ['single-member LLC', 'individual'],
    ['C corp', 'c_corporation'],
    ['S Corporation', 's_corporation'],
    ['trust_estate', 'trust_estate'],
    ['Estate', 'trust_estate'],
    ['LLC', 'llc'],
    ['other', undefined],
    ['', undefined],
  ] as const)('reads %j as %s', (printed, classification) => {
    expect(classificationOf(printed)).toBe(classification);
  });
});
