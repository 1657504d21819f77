import { describe, expect, it } from 'vitest';
import { impossibleTinReason, recognizeTaxId } from '../../../tools/validate/tax-id-shape.ts';

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

describe('impossibleTinReason', () => {
  it.each([
    ['000-12-3456', 'no SSN starts with 000 or 666'],
    ['666-12-3456', 'no SSN starts with 000 or 666'],
    ['123-00-4567', 'no SSN has 00 in the middle'],
    ['123-45-0000', 'no SSN ends in 0000'],
    ['00-1234567', 'no EIN starts with 00'],
    ['912-70-1234', undefined],
    ['12-3456789', undefined],
  ])('%s: %s', (tin, reason) => {
    expect(impossibleTinReason(tin)).toBe(reason);
  });
});
