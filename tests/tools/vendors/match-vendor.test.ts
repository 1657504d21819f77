import { describe, expect, it } from 'vitest';
import type { Vendor } from '../../../tools/validate/rule.ts';
import { matchVendor } from '../../../tools/vendors/match-vendor.ts';

const MASTER: Vendor[] = [
  { id: 'nw', name: 'Northwind Traders LLC', aliases: ['NWT', 'Northwind Supply'] },
  { id: 'nt', name: 'Northwind Trading Company', aliases: [] },
  { id: 'cf', name: 'Contoso Finance Inc.', aliases: [] },
  { id: 'kr', name: 'Kedai Runcit Sdn Bhd', aliases: [] },
  { id: 'ab', name: 'ABC', aliases: [] },
];

describe('matchVendor', () => {
  it.each([
    ['Northwind Traders LLC', 'nw'],
    ['NORTHWIND TRADERS', 'nw'],
    ['Northwind Traders, Inc.', 'nw'],
    ['nwt', 'nw'],
    ['Northwind Supply Ltd', 'nw'],
    ['Northwind Trading Co.', 'nt'],
    ['Contoso Finance', 'cf'],
    ['KEDAI RUNCIT SON BHD', 'kr'],
    // One OCR slip in a long name is still the vendor.
    ['Northwlnd Traders LLC', 'nw'],
    ['Contoso Flnance Inc', 'cf'],
    // Short names get no fuzzy slack: "ABD" is another business.
    ['ABD', undefined],
    ['Fabrikam', undefined],
    ['', undefined],
  ])('%j matches %s', (name, id) => {
    expect(matchVendor(name, MASTER)?.id).toBe(id);
  });

  it('matches neither of two vendors that fit a misread name equally well', () => {
    const twins: Vendor[] = [
      { id: 'a', name: 'Harbor Freight Logistics', aliases: [] },
      { id: 'b', name: 'Harbor Freight Logistix', aliases: [] },
    ];
    expect(matchVendor('Harbor Freight Logisticz', twins)).toBeUndefined();
    expect(matchVendor('Harbor Freight Logistics', twins)?.id).toBe('a');
  });

  it('matches neither of two records with the same key', () => {
    const same: Vendor[] = [
      { id: 'a', name: 'Globex Inc', aliases: [] },
      { id: 'b', name: 'Globex Corporation', aliases: [] },
    ];
    expect(matchVendor('Globex', same)).toBeUndefined();
  });

  it('matches nothing in an empty master', () => {
    expect(matchVendor('Northwind Traders', [])).toBeUndefined();
  });
});
