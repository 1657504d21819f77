import { describe, expect, it } from 'vitest';
import { transactionOutsidePeriod } from '../../../../tools/validate/rules/transaction-outside-period.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

const tx = (date: unknown) => ({ date, description: 'x', amount: '1.00' });

describe('transaction_outside_period', () => {
  it.each([
    ['all inside, edges included', ['2025-05-01', '2025-05-15', '2025-05-31'], undefined],
    ['no transactions', [], undefined],
    ['a malformed date (date_format reports it)', ['2025-05-32', 'May 3'], undefined],
    [
      'one after the end',
      ['2025-05-10', '2025-06-01'],
      '1 transaction is dated outside the period 2025-05-01 to 2025-05-31 (2025-06-01); check the dates and the period.',
    ],
    [
      'five outside',
      ['2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04', '2025-04-30', '2025-05-05'],
      '5 transactions are dated outside the period 2025-05-01 to 2025-05-31 (2024-05-01, 2024-05-02, 2024-05-03 and 2 more); check the dates and the period.',
    ],
  ])('%s', (_, dates, message) => {
    const findings = transactionOutsidePeriod.check(
      extraction('bank_statement', {
        period_start: '2025-05-01',
        period_end: '2025-05-31',
        transactions: dates.map(tx),
      }),
      context(),
    );
    expect(findings).toEqual(
      message
        ? [{ rule: 'transaction_outside_period', severity: 'warning', field: 'transactions', message }]
        : [],
    );
  });

  it.each([
    ['a period that ends before it starts', { period_start: '2025-05-31', period_end: '2025-05-01' }],
    ['no period end', { period_start: '2025-05-01' }],
  ])('says nothing for %s', (_, period) => {
    const values = { ...period, transactions: [tx('2020-01-01')] };
    expect(transactionOutsidePeriod.check(extraction('bank_statement', values), context())).toEqual([]);
  });
});
