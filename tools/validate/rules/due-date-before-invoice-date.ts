import { isoDateToDay } from '../iso-date.ts';
import type { Rule } from '../rule.ts';

/** Payment cannot fall due before the invoice was issued; the two dates were probably swapped or misread. */
export const dueDateBeforeInvoiceDate: Rule = {
  id: 'due_date_before_invoice_date',
  docTypes: ['invoice'],
  check({ fields }) {
    const issued = isoDateToDay(fields.invoice_date?.value);
    const due = isoDateToDay(fields.due_date?.value);
    if (issued === undefined || due === undefined || due >= issued) return [];
    return [
      {
        rule: 'due_date_before_invoice_date',
        severity: 'error',
        field: 'due_date',
        message: `The due date ${fields.due_date?.value} is before the invoice date ${fields.invoice_date?.value}.`,
      },
    ];
  },
};
