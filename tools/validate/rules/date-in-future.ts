import type { Finding } from '../../documents/extraction-result.ts';
import { DOCUMENT_DATE_FIELD } from '../field-kinds.ts';
import { instantToDay, isoDateToDay } from '../iso-date.ts';
import type { Rule } from '../rule.ts';

/** One day of slack: a vendor a time zone ahead may date a document tomorrow by our clock. */
const SLACK_DAYS = 1;

/**
 * A document cannot be dated after it reached us: a date more than a day ahead of now is a misread
 * (month and day swapped, a wrong year) or a forgery. Same for a 1099 for a year that has not begun.
 */
export const dateInFuture: Rule = {
  id: 'date_in_future',
  docTypes: ['invoice', 'receipt', 'w9', 'bank_statement', 'form_1099_nec'],
  check({ docType, fields }, { now }) {
    const findings: Finding[] = [];
    const field = DOCUMENT_DATE_FIELD[docType];
    const day = field ? isoDateToDay(fields[field]?.value) : undefined;
    if (field && day !== undefined && day > instantToDay(now) + SLACK_DAYS) {
      findings.push({
        rule: 'date_in_future',
        severity: 'error',
        field,
        message: `The ${field.replaceAll('_', ' ')} ${fields[field]?.value} is in the future.`,
      });
    }
    const year = docType === 'form_1099_nec' ? String(fields.tax_year?.value ?? '') : '';
    if (/^\d{4}$/.test(year) && Number(year) > now.getUTCFullYear()) {
      findings.push({
        rule: 'date_in_future',
        severity: 'error',
        field: 'tax_year',
        message: `The tax year ${year} has not begun yet.`,
      });
    }
    return findings;
  },
};
