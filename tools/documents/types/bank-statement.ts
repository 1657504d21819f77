import { z } from 'zod';
import { IsoDateSchema, MoneySchema, TextSchema } from './values.ts';

export const BankStatementSchema = z.object({
  bank_name: TextSchema.describe('Bank that issued the statement.'),
  account_holder: TextSchema.describe('Name on the account.'),
  account_number_last4: z
    .string()
    .regex(/^\d{4}$/)
    .describe('Last four digits of the account number only.'),
  period_start: IsoDateSchema,
  period_end: IsoDateSchema,
  opening_balance: MoneySchema,
  closing_balance: MoneySchema,
  transactions: z
    .array(
      z.object({
        date: IsoDateSchema,
        description: TextSchema,
        amount: MoneySchema.describe('Negative for debits.'),
      }),
    )
    .describe('Transactions in printed order.'),
});
