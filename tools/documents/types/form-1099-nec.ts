import { z } from 'zod';
import { MoneySchema, TextSchema, TinSchema } from './values.ts';

export const Form1099NecSchema = z.object({
  tax_year: z
    .string()
    .regex(/^\d{4}$/)
    .describe('Calendar year the form reports.'),
  payer_name: TextSchema.describe("Payer's name."),
  payer_tin: TinSchema.describe("Payer's TIN."),
  recipient_name: TextSchema.describe("Recipient's name."),
  recipient_tin: TinSchema.describe("Recipient's TIN."),
  nonemployee_compensation: MoneySchema.describe('Box 1.'),
  federal_tax_withheld: MoneySchema.describe('Box 4.'),
});
