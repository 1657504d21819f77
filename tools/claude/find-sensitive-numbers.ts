import type { Bbox, Page } from '../documents/page.ts';
import { groupLines } from '../understand/layout/group-lines.ts';

export const SENSITIVE_KINDS = ['ssn', 'ein', 'account'] as const;
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];

/** A tax id or account number printed on a page: the words it spans, and its value as printed, compacted. */
export type SensitiveNumber = {
  kind: SensitiveKind;
  value: string;
  page: number;
  bbox: Bbox;
  text: string;
  words: { page: number; index: number }[];
  confidence: number;
};

const SSN = /^\d{3}-?\d{2}-?\d{4}$/; // SSN and ITIN share the shape
const EIN = /^\d{2}-\d{7}$/;
const ACCOUNT = /^(\d{8,17}|\d{4}(-\d{4}){1,3}|[A-Z]{2}\d{2}[A-Z0-9]{11,30})$/;
/** OCR splits "12-3456789" into "12-" "3456789" or "12 - 3456789": up to this many words are joined. */
const MAX_RUN = 4;

/** What a run of words is, joined without spaces; undefined when it is neither a tax id nor an account. */
export function sensitiveKindOf(joined: string): SensitiveKind | undefined {
  const compact = joined.replace(/[\s.]/g, '').toUpperCase();
  if (EIN.test(compact)) return 'ein';
  if (SSN.test(compact) && /^(\d{3}-\d{2}-\d{4}|\d{9})$/.test(compact)) return 'ssn';
  if (ACCOUNT.test(compact)) return 'account';
  return undefined;
}

/**
 * Every SSN, ITIN, EIN and account number on the pages. Runs of adjacent words on a line are tried longest
 * first so that a number OCR broke in pieces is found whole; a bare 9-digit run counts as an SSN (it may be
 * either kind of TIN: masking it is what matters). Over-masking a phone number is the safe error.
 */
export function findSensitiveNumbers(pages: readonly Page[]): SensitiveNumber[] {
  const found: SensitiveNumber[] = [];
  for (const page of pages) {
    const indexOf = new Map(page.words.map((word, index) => [word, index]));
    for (const line of groupLines(page)) {
      let start = 0;
      while (start < line.words.length) {
        const match = longestRunAt(line.words, start);
        if (!match) {
          start++;
          continue;
        }
        const words = line.words.slice(start, start + match.length);
        found.push({
          kind: match.kind,
          value: words
            .map((w) => w.text)
            .join('')
            .replace(/\s/g, ''),
          page: page.number,
          bbox: unionBox(words.map((w) => w.bbox)),
          text: words.map((w) => w.text).join(' '),
          words: words.map((w) => ({ page: page.number, index: indexOf.get(w) ?? -1 })),
          confidence: Math.min(...words.map((w) => w.confidence)),
        });
        start += match.length;
      }
    }
  }
  return found;
}

function longestRunAt(words: readonly { text: string }[], start: number) {
  for (let length = Math.min(MAX_RUN, words.length - start); length >= 1; length--) {
    const joined = words
      .slice(start, start + length)
      .map((w) => w.text)
      .join('');
    const kind = sensitiveKindOf(joined);
    if (kind) return { kind, length };
  }
  return undefined;
}

export function unionBox(boxes: readonly Bbox[]): Bbox {
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}
