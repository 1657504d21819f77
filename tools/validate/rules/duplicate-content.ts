import { DOC_TYPES } from '../../documents/types/index.ts';
import { describeDocuments } from '../describe-documents.ts';
import type { Rule } from '../rule.ts';

/** The same file (same bytes) was uploaded before: paying it again is the costliest AP mistake. */
export const duplicateContent: Rule = {
  id: 'duplicate_content',
  docTypes: DOC_TYPES,
  check(_extraction, { duplicates }) {
    const others = duplicates.sameContent;
    if (others.length === 0) return [];
    return [
      {
        rule: 'duplicate_content',
        severity: 'error',
        message: `This exact file was already uploaded: ${describeDocuments(others)}.`,
      },
    ];
  },
};
