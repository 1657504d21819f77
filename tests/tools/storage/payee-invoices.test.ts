import { describe, expect, it } from 'vitest';
import { nameFragment } from '../../../tools/storage/payee-invoices.ts';

// The fragment must be contained in every printed spelling of the name once SQL folds it (lower case,
// ASCII letters and digits only): the SQL prefilter may over-select, never miss.
const sqlFold = (printed: string) => printed.toLowerCase().replace(/[^a-z0-9]+/g, '');

describe('nameFragment', () => {
  it.each([
    ['The ACME Co.', 'acme', ['Acme Company', 'ACME, INC.', 'The Acme Co']],
    ['Smith Design LLC', 'design', ['Smith Design, L.L.C.', 'SMITH DESIGN']],
    ['I.B.M.', 'ibm', ['IBM Corp', 'I. B. M.']],
    ['ABC Company', 'abc', ['ABC Co.', 'abc']],
    ['Café Noir', 'noir', ['Cafe Noir', 'CAFÉ NOIR LTD']],
    ['Smith & Sons', 'smith', ['Smith and Sons', 'SMITH & SONS INC']],
  ])('%s is searched by %s, found in every spelling', (name, fragment, spellings) => {
    expect(nameFragment(name)).toBe(fragment);
    for (const printed of [name, ...spellings]) expect(sqlFold(printed)).toContain(fragment);
  });

  it.each(['株式会社', '', '   '])('gives nothing to search by for %j', (name) => {
    expect(nameFragment(name)).toBeUndefined();
  });
});
