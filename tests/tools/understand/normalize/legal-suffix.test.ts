import { describe, expect, it } from 'vitest';
import { repairLegalSuffix } from '../../../../tools/understand/normalize/legal-suffix.ts';

describe('repairLegalSuffix', () => {
  it.each([
    ['TRI SHAAS SON BHD', 'TRI SHAAS SDN BHD'],
    ['GARDENIA BAKERIES (KI S0N BHD', 'GARDENIA BAKERIES (KI SDN BHD'],
    ['GH DISTRIBUTOR & MARKETING SON BHD', 'GH DISTRIBUTOR & MARKETING SDN BHD'],
    ['99 SPEED MART 5/B', '99 SPEED MART S/B'],
    ['LAVENDER CONFECTIONERY & BAKERY §/B', 'LAVENDER CONFECTIONERY & BAKERY S/B'],
    ['KEDAI MAJU SDN 8HD', 'KEDAI MAJU SDN BHD'],
    ['RESTAURANT JIAWEI |', 'RESTAURANT JIAWEI'],
  ])('repairs %j to %j', (printed, expected) => {
    expect(repairLegalSuffix(printed)).toBe(expected);
  });

  it.each(['SONY CENTRE', 'THE SON OF MAN CAFE', 'PASAR MINI JIN SENG', 'ONE ONE THREE SEAFOOD SDN BHD'])(
    'leaves %j alone',
    (name) => {
      expect(repairLegalSuffix(name)).toBe(name);
    },
  );
});
