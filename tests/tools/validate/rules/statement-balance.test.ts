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
    ['no transactions read', '1000.00', [], '800.10', undefined],
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
});
