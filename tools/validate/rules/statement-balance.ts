import { centsToMoney, moneyToCents } from '../../understand/normalize/money.ts';
import { centsValue, isMoney, rowsValue } from '../field-values.ts';
import type { Rule } from '../rule.ts';

/**
 * Opening balance + the transactions = closing balance, to the cent. Without a list of transactions nothing
 * is checked (missing is not wrong); an empty list while the balance moved means the table was not read.
 */
export const statementBalance: Rule = {
  id: 'statement_balance',
  docTypes: ['bank_statement'],
  check({ fields }) {
    const opening = centsValue(fields, 'opening_balance');
    const closing = centsValue(fields, 'closing_balance');
    if (opening === undefined || closing === undefined) return [];
    if (!Array.isArray(fields.transactions?.value)) return [];
    const rows = rowsValue(fields, 'transactions');
    if (rows.length === 0) {
      if (opening === closing) return [];
      return [
        {
          rule: 'statement_balance',
          severity: 'warning',
          field: 'transactions',
          message: `No transactions were read, but the balance moved from ${centsToMoney(opening)} to ${centsToMoney(closing)}; enter the transactions or check the balances.`,
        },
      ];
    }
    // A malformed amount is money_format's finding; the sum is unknown, so say nothing more.
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
