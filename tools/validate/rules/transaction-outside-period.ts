import { rowsValue } from '../field-values.ts';
import { isoDateToDay } from '../iso-date.ts';
import type { Rule } from '../rule.ts';

/** How many dates a message lists before it says "and N more". */
const LISTED = 3;

/**
 * A statement's transactions fall inside its period. A warning: banks print a transaction on the day it
 * posts, which can be a day after the cut-off, but more often a date outside is a misread year or month.
 */
export const transactionOutsidePeriod: Rule = {
  id: 'transaction_outside_period',
  docTypes: ['bank_statement'],
  check({ fields }) {
    const start = isoDateToDay(fields.period_start?.value);
    const end = isoDateToDay(fields.period_end?.value);
    if (start === undefined || end === undefined || end < start) return [];
    const outside = rowsValue(fields, 'transactions')
      .map((row) => row.date)
      .filter((date): date is string => {
        const day = isoDateToDay(date);
        return day !== undefined && (day < start || day > end);
      });
    if (outside.length === 0) return [];
    const more = outside.length > LISTED ? ` and ${outside.length - LISTED} more` : '';
    return [
      {
        rule: 'transaction_outside_period',
        severity: 'warning',
        field: 'transactions',
        message: `${outside.length} transaction${outside.length === 1 ? ' is' : 's are'} dated outside the period ${fields.period_start?.value} to ${fields.period_end?.value} (${outside.slice(0, LISTED).join(', ')}${more}); check the dates and the period.`,
      },
    ];
  },
};
