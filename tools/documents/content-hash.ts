import { createHash } from 'node:crypto';
import type { Page } from './page.ts';

/**
 * A hash of the words on the pages, in reading order, case and spacing folded: the same document saved
 * again or printed to PDF again (other bytes, same words) hashes the same, so it is found as a duplicate.
 */
export function contentHash(pages: readonly Pick<Page, 'words'>[]): string | undefined {
  // Pages without words all look alike; they are not duplicates of each other.
  if (pages.every((page) => page.words.length === 0)) return undefined;
  const hash = createHash('sha256');
  for (const page of pages) {
    hash.update(page.words.map((word) => word.text.toLowerCase()).join(' '));
    hash.update('\f');
  }
  return hash.digest('hex');
}
