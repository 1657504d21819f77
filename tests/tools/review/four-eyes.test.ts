import { describe, expect, it } from 'vitest';
import { fourEyesReasons } from '../../../tools/review/four-eyes.ts';

describe('fourEyesReasons', () => {
  it.each([
    ['under the limit, nothing sensitive changed', 999.99, [], []],
    ['at the limit', 1000, [], ['amount 1000.00 is at or above the four-eyes limit 1000.00']],
    ['no amount read', undefined, [], []],
    ['a corrected vendor tax id', 10, ['vendor_tax_id'], ['vendor_tax_id was corrected']],
    [
      'corrected bank details',
      10,
      ['bank_account', 'bank_routing'],
      ['bank_account was corrected', 'bank_routing was corrected'],
    ],
    ['a corrected total only', 10, ['total_amount'], []],
    ['a corrected 1099 recipient TIN', undefined, ['recipient_tin'], ['recipient_tin was corrected']],
  ] as const)('%s', (_name, amount, correctedFields, reasons) => {
    expect(fourEyesReasons({ amount, limit: 1000, correctedFields })).toEqual(reasons);
  });
});
