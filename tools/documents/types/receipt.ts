import { z } from 'zod';
import { CurrencySchema, IsoDateSchema, MoneySchema, TextSchema } from './values.ts';

export const ReceiptSchema = z.object({
  merchant_name: TextSchema.describe('Name of the shop or company that issued the receipt.'),
  merchant_address: TextSchema.describe('Address of the merchant, lines joined with single spaces.'),
  date: IsoDateSchema.describe('Date of the purchase.'),
  currency: CurrencySchema,
  tax_amount: MoneySchema.describe('Tax (GST, VAT, sales tax) included in the total.'),
  total_amount: MoneySchema.describe('Total paid, after rounding and including tax.'),
});
