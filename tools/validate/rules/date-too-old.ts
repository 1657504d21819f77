import { DOCUMENT_DATE_FIELD } from '../field-kinds.ts';
import { instantToDay, isoDateToDay } from '../iso-date.ts';
import type { Rule } from '../rule.ts';

/** Two years and a day: older invoices are rarely payable and usually a misread year or a resubmission. */
const MAX_AGE_DAYS = 2 * 365 + 1;

/**
 * A document dated more than about two years ago is worth a second look, not a rejection. W-9s are left
 * out: a W-9 stays valid until the payee's details change, and an old signature date is normal.
 */
export const dateTooOld: Rule = {
  id: 'date_too_old',
  docTypes: ['invoice', 'receipt', 'bank_statement'],
  check({ docType, fields }, { now }) {
    const field = DOCUMENT_DATE_FIELD[docType];
    const day = field ? isoDateToDay(fields[field]?.value) : undefined;
    if (!field || day === undefined || instantToDay(now) - day <= MAX_AGE_DAYS) return [];
    return [
      {
        rule: 'date_too_old',
        severity: 'warning',
        field,
        message: `The ${field.replaceAll('_', ' ')} ${fields[field]?.value} is more than two years ago.`,
      },
    ];
  },
};
