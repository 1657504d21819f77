import { centsToMoney, moneyToCents } from '../../understand/normalize/money.ts';
import { centsValue, isMoney, rowsValue } from '../field-values.ts';
import type { Rule } from '../rule.ts';

/** Opening balance + the transactions = closing balance, to the cent, when transactions were read. */
export const statementBalance: Rule = {
  id: 'statement_balance',
  docTypes: ['bank_statement'],
  check({ fields }) {
    const opening = centsValue(fields, 'opening_balance');
    const closing = centsValue(fields, 'closing_balance');
    const rows = rowsValue(fields, 'transactions');
    if (opening === undefined || closing === undefined || rows.length === 0) return [];
    if (!rows.every((row) => isMoney(row.amount))) return [];
    const movement = rows.reduce((cents, row) => cents + moneyToCents(row.amount as string), 0);
    const expected = opening + movement;
    if (expected === closing) return [];
    return [
      {
        rule: 'statement_balance',
        severity: 'error',
        field: 'closing_balance',
        message: `Opening balance ${centsToMoney(opening)} + ${rows.length} transaction${rows.length === 1 ? '' : 's'} (${centsToMoney(movement)}) = ${centsToMoney(expected)}, but the closing balance is ${centsToMoney(closing)}.`,
      },
    ];
  },
};
