import { isoDateToDay } from '../iso-date.ts';
import type { Rule } from '../rule.ts';

/** A service or statement period ends on or after the day it starts. */
export const periodEndBeforeStart: Rule = {
  id: 'period_end_before_start',
  docTypes: ['invoice', 'bank_statement'],
  check({ fields }) {
    const start = isoDateToDay(fields.period_start?.value);
    const end = isoDateToDay(fields.period_end?.value);
    if (start === undefined || end === undefined || end >= start) return [];
    return [
      {
        rule: 'period_end_before_start',
        severity: 'error',
        field: 'period_end',
        message: `The period ends ${fields.period_end?.value}, before it starts ${fields.period_start?.value}.`,
      },
    ];
  },
};
