import { z } from 'zod';

/** Value formats shared by every document type (DESIGN.md, "the schema contract"). */
export const MoneySchema = z
  .string()
  .regex(/^-?\d+\.\d{2}$/)
  .describe('Decimal string with a dot, two decimals and no grouping, e.g. "1234.50" or "-12.00".');
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('ISO date YYYY-MM-DD.');
export const CurrencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .describe('ISO 4217 currency code, e.g. "USD".');
export const TextSchema = z.string().min(1);
export const TinSchema = z
  .string()
  .regex(/^(\d{3}-\d{2}-\d{4}|\d{2}-\d{7})$/)
  .describe('US taxpayer id with its dashes: SSN/ITIN 123-45-6789 or EIN 12-3456789.');
