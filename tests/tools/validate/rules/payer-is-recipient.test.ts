import { describe, expect, it } from 'vitest';
import { payerIsRecipient } from '../../../../tools/validate/rules/payer-is-recipient.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

describe('payer_is_recipient', () => {
  it.each([
    ['12-3456789', '123-45-6789', false],
    ['12-3456789', '12-3456789', true],
    ['123-45-6789', '123-45-6789', true],
    ['12-3456789', '12 3456789', true],
    ['12-3456789', '123456789', true],
    ['12-3456789', undefined, false],
    [undefined, '12-3456789', false],
  ])('payer %s and recipient %s are flagged: %s', (payer, recipient, isFlagged) => {
    const values = { ...(payer && { payer_tin: payer }), ...(recipient && { recipient_tin: recipient }) };
    const findings = payerIsRecipient.check(extraction('form_1099_nec', values), context());
    expect(findings.map((f) => [f.rule, f.severity, f.field])).toEqual(
      isFlagged ? [['payer_is_recipient', 'error', 'recipient_tin']] : [],
    );
    for (const f of findings) expect(f.message).toContain('*****6789');
  });
});
