import { textValue } from '../field-values.ts';
import { compactIdentifier, maskIdentifier } from '../mask-identifier.ts';
import type { Rule } from '../rule.ts';
import { classifyUsTin } from '../tax-id-shape.ts';

/**
 * A 1099-NEC reports a payment to someone else: the payer's and the recipient's TINs differ. Compared on
 * digits, unless both are dashed and of different kinds (an EIN and an SSN may share their nine digits).
 */
export const payerIsRecipient: Rule = {
  id: 'payer_is_recipient',
  docTypes: ['form_1099_nec'],
  check({ fields }) {
    const payer = textValue(fields, 'payer_tin');
    const recipient = textValue(fields, 'recipient_tin');
    if (payer === undefined || recipient === undefined) return [];
    if (compactIdentifier(payer) !== compactIdentifier(recipient)) return [];
    const [payerKind, recipientKind] = [classifyUsTin(payer), classifyUsTin(recipient)];
    if (payerKind && recipientKind && payerKind !== recipientKind) return [];
    return [
      {
        rule: 'payer_is_recipient',
        severity: 'error',
        field: 'recipient_tin',
        message: `The recipient TIN ${maskIdentifier(recipient)} is the payer's own; one of them was misread or copied into the wrong box.`,
      },
    ];
  },
};
