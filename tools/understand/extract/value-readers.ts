import { isIdentifierLike, normalizeIdentifier } from '../normalize/identifier.ts';
import { collapseWhitespace, letterShare } from '../normalize/text.ts';
import type { ValueReader } from './labelled-values.ts';

/** Words that make a span a label, not a value ("Original Date / Revision", "Agency Code"). */
const LABEL_WORDS =
  /\b(date|dates|number|no|code|ref|type|name|address|phone|fax|period|terms|page|total|amount|rate|account|office|region|executive|estimate|product|revision|rev|id)\b|[:#]$/i;

/** The first identifier-like token right of or under an invoice/order/contract label. */
export const readIdentifier: ValueReader<string> = (words) => {
  for (let i = 0; i < Math.min(words.length, 4); i++) {
    const word = words[i]!;
    if (/^[#:/|-]+$/.test(word.text)) continue;
    if (!isIdentifierLike(word.text)) {
      if (/^(no\.?|#|number|nr\.?)$/i.test(word.text)) continue;
      return null;
    }
    const value = normalizeIdentifier(word.text);
    if (!value || (value.match(/\d/g)?.length ?? 0) < 3) return null;
    const quality = /^[A-Z0-9-]+$/i.test(value) ? 1 : 0.85;
    return { value, words: [word], quality };
  }
  return null;
};

/** A name right of or under a label: a run of words with letters that is not itself another label. */
export const readName: ValueReader<string> = (words) => {
  let text = collapseWhitespace(words.map((w) => w.text).join(' ')).replace(/^[:#\s]+/, '');
  // A next label glued on by a narrow gap ("… Action PAC Invoice Date") is not part of the name.
  text = text.replace(/\s+\b(invoice|order|contract|due|print)\s+(date|#|no\.?|number)\b.*$/i, '');
  if (text.length < 2 || letterShare(text) < 0.5 || text.split(' ').length > 10) return null;
  if (LABEL_WORDS.test(text) && text.split(' ').length <= 5) return null;
  if (/^[("“]|\b(hereby|certif\w*|shall|agrees?|references)\b/i.test(text)) return null;
  return { value: text, words, quality: 1 };
};
