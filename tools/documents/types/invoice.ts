import { z } from 'zod';
import { CurrencySchema, IsoDateSchema, MoneySchema, TextSchema } from './values.ts';

export const InvoiceLineItemSchema = z.object({
  description: TextSchema.describe('What was billed on this line.'),
  quantity: z.string().optional().describe('Quantity as a decimal string.'),
  unit_price: MoneySchema.optional().describe('Price of one unit.'),
  amount: MoneySchema.optional().describe('Line total.'),
});

export const InvoiceSchema = z.object({
  vendor_name: TextSchema.describe('Name of the business that issued the invoice.'),
  vendor_address: TextSchema.describe('Postal address of the vendor, lines joined with ", ".'),
  vendor_tax_id: TextSchema.describe('Vendor tax id as printed (EIN, VAT or GST number).'),
  customer_name: TextSchema.describe('Who is billed: the customer, advertiser or bill-to party.'),
  invoice_number: TextSchema.describe('Invoice, order or contract number that identifies the document.'),
  invoice_date: IsoDateSchema.describe('Date the invoice was issued.'),
  due_date: IsoDateSchema.describe('Date payment is due.'),
  po_number: TextSchema.describe('Purchase order number the invoice refers to.'),
  period_start: IsoDateSchema.describe('First day of the service period or flight.'),
  period_end: IsoDateSchema.describe('Last day of the service period or flight.'),
  currency: CurrencySchema,
  subtotal: MoneySchema.describe('Sum of the lines before tax.'),
  tax_amount: MoneySchema.describe('Total tax charged.'),
  total_amount: MoneySchema.describe('Amount due, gross, including tax.'),
  line_items: z.array(InvoiceLineItemSchema).describe('Billed lines in printed order.'),
  bank_account: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/)
    .describe('Account to pay into, as printed without spaces: an IBAN or a bank account number.'),
  bank_routing: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/)
    .describe('Bank routing code as printed without spaces: ABA routing number, sort code, or SWIFT/BIC.'),
});
