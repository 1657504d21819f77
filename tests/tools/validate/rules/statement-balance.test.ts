import { describe, expect, it } from 'vitest';
import { statementBalance } from '../../../../tools/validate/rules/statement-balance.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

const tx = (amount: string) => ({ date: '2025-05-02', description: 'x', amount });

describe('statement_balance', () => {
  it.each([
    ['balances that add up', '1000.00', [tx('-250.10'), tx('50.20')], '800.10', undefined],
    [
      'a missing transaction',
      '1000.00',
      [tx('-250.10')],
      '800.10',
      'Opening balance 1000.00 + 1 transaction (-250.10) = 749.90, but the closing balance is 800.10.',
    ],
    ['an unchanged balance and no transactions', '800.10', [], '800.10', undefined],
    ['a malformed amount, which money_format reports', '1000.00', [tx('-250,10')], '800.10', undefined],
    ['cents that floats would get wrong', '0.10', [tx('0.20')], '0.30', undefined],
  ])('%s', (_, opening, transactions, closing, message) => {
    const findings = statementBalance.check(
      extraction('bank_statement', { opening_balance: opening, closing_balance: closing, transactions }),
      context(),
    );
    if (message === undefined) expect(findings).toEqual([]);
    else {
      expect(findings).toEqual([
        { rule: 'statement_balance', severity: 'error', field: 'closing_balance', message },
      ]);
    }
  });

  it.each([
    [
      'no transactions read while the balance moved',
      [],
      [
        {
          rule: 'statement_balance',
          severity: 'warning',
          field: 'transactions',
          message:
            'No transactions were read, but the balance moved from 1000.00 to 800.10; enter the transactions or check the balances.',
        },
      ],
    ],
    ['no transactions field at all (missing is not wrong)', undefined, []],
    ['a transactions field that is not a list', 'garbled', []],
  ])('%s', (_, transactions, expected) => {
    const values = { opening_balance: '1000.00', closing_balance: '800.10' };
    const withRows = transactions === undefined ? values : { ...values, transactions };
    expect(statementBalance.check(extraction('bank_statement', withRows), context())).toEqual(expected);
  });
});
