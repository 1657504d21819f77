/** Fields whose change is a classic fraud path (redirecting payment, a changed payee identity). */
const SENSITIVE_FIELDS = new Set([
  'vendor_tax_id',
  'bank_account',
  'bank_routing',
  'tin',
  'payer_tin',
  'recipient_tin',
  'account_number_last4',
]);

export function isSensitiveField(field: string): boolean {
  return SENSITIVE_FIELDS.has(field);
}

/** Why approval needs a second, different approver; empty when one approval is enough. */
export function fourEyesReasons(input: {
  amount: number | undefined;
  limit: number;
  correctedFields: readonly string[];
}): string[] {
  const reasons: string[] = [];
  if (input.amount !== undefined && input.amount >= input.limit) {
    reasons.push(
      `amount ${input.amount.toFixed(2)} is at or above the four-eyes limit ${input.limit.toFixed(2)}`,
    );
  }
  for (const field of input.correctedFields) {
    if (isSensitiveField(field)) reasons.push(`${field} was corrected`);
  }
  return reasons;
}
