/** The invoice's bank fields and the vendor master's property for each. */
export const BANK_FIELDS = [
  { field: 'bank_account', key: 'bankAccount', label: 'bank account' },
  { field: 'bank_routing', key: 'bankRouting', label: 'routing code' },
] as const;
