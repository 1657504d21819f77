import { describe, expect, it } from 'vitest';
import { DOC_TYPE_SCHEMAS, DOC_TYPES } from '../../../tools/documents/types/index.ts';
import { DOCUMENT_DATE_FIELD, FIELD_KINDS } from '../../../tools/validate/field-kinds.ts';

describe('FIELD_KINDS', () => {
  it.each(DOC_TYPES)('names only fields of the %s schema', (docType) => {
    const shape = DOC_TYPE_SCHEMAS[docType].shape as Record<string, unknown>;
    const kinds = FIELD_KINDS[docType];
    const named = [...kinds.dates, ...kinds.money, ...kinds.currency, ...kinds.rows.map((r) => r.field)];
    const documentDate = DOCUMENT_DATE_FIELD[docType];
    for (const field of [...named, ...(documentDate ? [documentDate] : [])]) {
      expect(Object.keys(shape)).toContain(field);
    }
  });
});
