import { describe, expect, it } from 'vitest';
import { duplicateContent } from '../../../../tools/validate/rules/duplicate-content.ts';
import { context, extraction } from '../support/rule-fixtures.ts';

const ref = (file: string, createdAt: string) => ({ documentId: file, file, createdAt });

describe('duplicate_content', () => {
  it.each([
    [[], undefined],
    [[ref('a.pdf', '2025-03-01T10:00:00.000Z')], 'This exact file was already uploaded: a.pdf (2025-03-01).'],
    [
      [ref('a.pdf', '2025-03-01T10:00:00.000Z'), ref('b.pdf', '2025-03-04 09:00:00+00')],
      'This exact file was already uploaded: a.pdf (2025-03-01) and b.pdf (2025-03-04).',
    ],
    [
      ['a', 'b', 'c', 'd', 'e'].map((n) => ref(`${n}.pdf`, '2025-03-01T00:00:00Z')),
      'This exact file was already uploaded: a.pdf (2025-03-01), b.pdf (2025-03-01), c.pdf (2025-03-01) and 2 more.',
    ],
  ])('with %j earlier uploads says %s', (sameContent, message) => {
    const ctx = context({ duplicates: { sameContent, sameInvoiceNumber: [], sameAmount: [] } });
    const findings = duplicateContent.check(extraction('other', {}), ctx);
    expect(findings).toEqual(message ? [{ rule: 'duplicate_content', severity: 'error', message }] : []);
  });
});
