import { describe, expect, it } from 'vitest';
import { classifyUsTin, impossibleTinReason, recognizeTaxId } from '../../../tools/validate/tax-id-shape.ts';

describe('recognizeTaxId', () => {
  it.each([
    ['12-3456789', 'EIN'],
    ['123-45-6789', 'SSN'],
    ['123456789', 'US TIN without dashes'],
    ['DE123456789', 'EU VAT'],
    ['DE 123 456 789', 'EU VAT'],
    ['FR40303265045', 'EU VAT'],
    ['NL123456789B01', 'EU VAT'],
    ['ATU12345678', 'EU VAT'],
    ['IE6388047V', 'EU VAT'],
    ['GB 123 4567 89', 'UK VAT'],
    ['CHE-123.456.789 MWST', 'Swiss UID'],
    ['51 824 753 556', 'Australian ABN'],
    ['123456789RT0001', 'Canadian BN'],
    ['27AAPFU0939F1ZV', 'Indian GSTIN'],
    ['M2-1234567-8', 'Singapore GST/UEN'],
    ['200312345A', 'Singapore GST/UEN'],
    ['000306020352', 'Malaysian GST/SST'],
    ['W10-1808-31000123', 'Malaysian GST/SST'],
    ['49-091-850', 'New Zealand GST'],
    ['T1234567890123', 'Japanese invoice registration'],
  ])('%s is shaped like a %s', (printed, kind) => {
    expect(recognizeTaxId(printed)).toBe(kind);
  });

  it.each(['(555) 123-4567', '12345', 'ABCDEFG', 'DE12345', '51 824 753 557', 'INV-2025-1042'])(
    '%s is no tax id we know',
    (printed) => {
      expect(recognizeTaxId(printed)).toBeUndefined();
    },
  );
});

describe('classifyUsTin', () => {
  it.each([
    ['12-3456789', 'EIN'],
    ['123-45-6789', 'SSN'],
    ['899-99-9999', 'SSN'],
    ['900-70-1234', 'ITIN'],
    ['999-99-9999', 'ITIN'],
    ['123456789', undefined],
    ['12-345678', undefined],
    ['1234-56-789', undefined],
    ['DE123456789', undefined],
  ])('%s is %s', (tin, kind) => {
    expect(classifyUsTin(tin)).toBe(kind);
  });
});

describe('impossibleTinReason', () => {
  const SSN_AREA = 'no SSN starts with 000 or 666';
  const ITIN =
    'it starts with 9, so it is no SSN, and its 4th–5th digits are not an ITIN group (50–65, 70–88, 90–92, 94–99)';
  const EIN_PREFIX = 'its first two digits are not a prefix the IRS assigns to EINs';
  it.each<[string, string | undefined]>([
    // SSN: area 000, 666 and 9XX, group 00 and serial 0000 are never issued
    ['000-12-3456', SSN_AREA],
    ['666-12-3456', SSN_AREA],
    ['665-12-3456', undefined],
    ['667-12-3456', undefined],
    ['001-01-0001', undefined],
    ['899-99-9999', undefined],
    ['123-00-4567', 'no SSN has 00 in the middle'],
    ['123-45-0000', 'no SSN ends in 0000'],
    // ITIN: 9XX with a group of 50–65, 70–88, 90–92 or 94–99
    ['900-49-1234', ITIN],
    ['900-50-1234', undefined],
    ['912-65-1234', undefined],
    ['912-66-1234', ITIN],
    ['912-69-1234', ITIN],
    ['912-70-1234', undefined],
    ['912-88-1234', undefined],
    ['912-89-1234', ITIN],
    ['912-90-1234', undefined],
    ['912-92-1234', undefined],
    ['912-93-1234', ITIN],
    ['912-94-1234', undefined],
    ['999-99-1234', undefined],
    ['900-00-1234', ITIN],
    ['900-12-3456', ITIN],
    // EIN: prefixes the IRS never assigns
    ...[
      '00',
      '07',
      '08',
      '09',
      '17',
      '18',
      '19',
      '28',
      '29',
      '49',
      '69',
      '70',
      '78',
      '79',
      '89',
      '96',
      '97',
    ].map((prefix) => [`${prefix}-1234567`, EIN_PREFIX] as [string, string]),
    ...[
      '01',
      '06',
      '10',
      '16',
      '20',
      '27',
      '30',
      '48',
      '50',
      '68',
      '71',
      '77',
      '80',
      '88',
      '90',
      '95',
      '98',
      '99',
    ].map((prefix) => [`${prefix}-1234567`, undefined] as [string, undefined]),
    ['12-3456789', undefined],
    ['not a tin', undefined],
  ])('%s: %s', (tin, reason) => {
    expect(impossibleTinReason(tin)).toBe(reason);
  });
});
