import type { DuplicateRef } from './rule.ts';

const SHOWN = 3;

/** "a.pdf (2025-03-01), b.pdf (2025-03-04) and 2 more": the other documents, by file and upload date. */
export function describeDocuments(refs: readonly DuplicateRef[]): string {
  const named = refs.slice(0, SHOWN).map((ref) => {
    const date = /^\d{4}-\d{2}-\d{2}/.exec(ref.createdAt)?.[0] ?? ref.createdAt;
    return date ? `${ref.file} (${date})` : ref.file;
  });
  const more = refs.length - named.length;
  if (more > 0) return `${named.join(', ')} and ${more} more`;
  if (named.length <= 1) return named.join('');
  return `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
}
