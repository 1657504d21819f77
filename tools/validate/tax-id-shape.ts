/**
 * Shapes of tax ids printed on invoices: US EIN and SSN/ITIN, EU and UK VAT numbers, and the GST/VAT ids of
 * the countries whose vendors US and Asian AP teams see most. A shape says nothing of whether the id is
 * registered; it catches misreads and ids that are not tax ids at all (a phone or an account number).
 */

export const EIN = /^\d{2}-\d{7}$/;
export const SSN = /^\d{3}-\d{2}-\d{4}$/;

/** Compact (no spaces, dots, dashes or slashes), upper-case shapes, by what they are. */
const SHAPES: [kind: string, pattern: RegExp][] = [
  ['US TIN without dashes', /^\d{9}$/],
  [
    'EU VAT',
    new RegExp(
      `^(${[
        'ATU\\d{8}',
        'BE[01]\\d{9}',
        'BG\\d{9,10}',
        'CY\\d{8}[A-Z]',
        'CZ\\d{8,10}',
        'DE\\d{9}',
        'DK\\d{8}',
        'EE\\d{9}',
        'EL\\d{9}',
        'ES[A-Z0-9]\\d{7}[A-Z0-9]',
        'FI\\d{8}',
        'FR[A-HJ-NP-Z0-9]{2}\\d{9}',
        'HR\\d{11}',
        'HU\\d{8}',
        'IE\\d{7}[A-W][A-I]?',
        'IE\\d[A-Z+*]\\d{5}[A-W]',
        'IT\\d{11}',
        'LT(\\d{9}|\\d{12})',
        'LU\\d{8}',
        'LV\\d{11}',
        'MT\\d{8}',
        'NL\\d{9}B\\d{2}',
        'PL\\d{10}',
        'PT\\d{9}',
        'RO\\d{2,10}',
        'SE\\d{10}01',
        'SI\\d{8}',
        'SK\\d{10}',
        'XI(\\d{9}|\\d{12}|GD\\d{3}|HA\\d{3})',
      ].join('|')})$`,
    ),
  ],
  ['UK VAT', /^GB(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/],
  ['Swiss UID', /^CHE\d{9}(MWST|TVA|IVA)?$/],
  ['Norwegian VAT', /^NO\d{9}(MVA)?$/],
  ['Canadian BN', /^\d{9}(RT|RC|RP|RZ)\d{4}$/],
  ['Indian GSTIN', /^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/],
  ['Singapore GST/UEN', /^(\d{8}[A-Z]|\d{9}[A-Z]|[TSR]\d{2}[A-Z]{2}\d{4}[A-Z]|M[A-Z0-9]\d{7}[A-Z0-9])$/],
  ['Malaysian GST/SST', /^(\d{12}|[A-Z]\d{14})$/],
  ['Japanese invoice registration', /^T\d{13}$/],
  ['Mexican RFC', /^[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{3}$/],
  ['Brazilian CNPJ', /^\d{14}$/],
];

/** Australian Business Number checksum: first digit minus one, weighted sum divisible by 89. */
function isAbn(compact: string): boolean {
  if (!/^\d{11}$/.test(compact)) return false;
  const weights = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
  const digits = [...compact].map(Number);
  digits[0] = digits[0]! - 1;
  return digits.reduce((sum, d, i) => sum + d * weights[i]!, 0) % 89 === 0;
}

/** What kind of tax id a printed value is shaped like, or undefined when it is none we know. */
export function recognizeTaxId(printed: string): string | undefined {
  const text = printed.trim().toUpperCase();
  if (EIN.test(text)) return 'EIN';
  if (SSN.test(text)) return 'SSN';
  // New Zealand prints its GST/IRD number in dashed groups; eight bare digits are too common to claim.
  if (/^\d{2,3}-\d{3}-\d{3}$/.test(text)) return 'New Zealand GST';
  const compact = text.replace(/[\s./-]/g, '');
  if (isAbn(compact)) return 'Australian ABN';
  return SHAPES.find(([, pattern]) => pattern.test(compact))?.[0];
}

export type UsTinKind = 'SSN' | 'ITIN' | 'EIN';

/** What a dashed US TIN is by its shape: 9XX-XX-XXXX is an ITIN (no SSN starts with 9), other 3-2-4 an SSN. */
export function classifyUsTin(tin: string): UsTinKind | undefined {
  if (EIN.test(tin)) return 'EIN';
  if (SSN.test(tin)) return tin.startsWith('9') ? 'ITIN' : 'SSN';
  return undefined;
}

/**
 * EIN prefixes (the first two digits, the IRS campus or internet/SB-SE block that assigned the number) the
 * IRS has never assigned; from its published prefix list. Every other prefix from 01 to 99 is in use.
 */
const UNASSIGNED_EIN_PREFIXES = new Set('00 07 08 09 17 18 19 28 29 49 69 70 78 79 89 96 97'.split(' '));

/** ITIN group numbers (4th–5th digits) the IRS issues: 50–65, 70–88, 90–92 and 94–99. */
function isItinGroup(group: number): boolean {
  return (
    (group >= 50 && group <= 65) ||
    (group >= 70 && group <= 88) ||
    (group >= 90 && group <= 92) ||
    group >= 94
  );
}

/**
 * Why a dashed SSN, ITIN or EIN cannot have been issued, or undefined. SSA never issues area 000, 666 or
 * 900–999, group 00 or serial 0000; an ITIN is 9XX-XX-XXXX with a group the IRS uses; an EIN's prefix is
 * one the IRS assigns. The reasons name the rule, never the digits: findings show only the last four.
 */
export function impossibleTinReason(tin: string): string | undefined {
  const kind = classifyUsTin(tin);
  if (kind === 'EIN') {
    return UNASSIGNED_EIN_PREFIXES.has(tin.slice(0, 2))
      ? 'its first two digits are not a prefix the IRS assigns to EINs'
      : undefined;
  }
  if (kind === 'ITIN') {
    return isItinGroup(Number(tin.slice(4, 6)))
      ? undefined
      : 'it starts with 9, so it is no SSN, and its 4th–5th digits are not an ITIN group (50–65, 70–88, 90–92, 94–99)';
  }
  if (kind === 'SSN') {
    if (tin.startsWith('000') || tin.startsWith('666')) return 'no SSN starts with 000 or 666';
    if (tin.slice(4, 6) === '00') return 'no SSN has 00 in the middle';
    if (tin.endsWith('0000')) return 'no SSN ends in 0000';
  }
  return undefined;
}
