/**
 * Masks a tax id or account number for a message: every character but the last four becomes "*", and a
 * value of four characters or fewer is masked whole. Findings are shown to every role and end up in logs.
 */
export function maskIdentifier(value: string): string {
  const compact = value.replace(/\s/g, '');
  if (compact.length <= 4) return '*'.repeat(compact.length || 4);
  return `${'*'.repeat(compact.length - 4)}${compact.slice(-4)}`;
}

/** Letters and digits only, upper case: how identifiers compare ("12-3456789" is "123456789"). */
export function compactIdentifier(value: string): string {
  return value.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
}
