import { z } from 'zod';
import { IsoDateSchema, TextSchema, TinSchema } from './values.ts';

export const W9Schema = z.object({
  name: TextSchema.describe('Line 1: name as shown on the income tax return.'),
  business_name: TextSchema.describe('Line 2: business name or disregarded entity name.'),
  tax_classification: TextSchema.describe(
    'Line 3 box checked: individual, c_corporation, s_corporation, partnership, trust_estate, llc, other.',
  ),
  address: TextSchema.describe('Line 5: street address.'),
  city_state_zip: TextSchema.describe('Line 6: city, state and ZIP code.'),
  tin_type: z.enum(['SSN', 'EIN']).describe('Which TIN box of Part I is filled.'),
  tin: TinSchema,
  signature_date: IsoDateSchema.describe('Date beside the signature.'),
});
