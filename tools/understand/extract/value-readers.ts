import { isIdentifierLike, normalizeIdentifier } from '../normalize/identifier.ts';
import { collapseWhitespace, letterShare } from '../normalize/text.ts';
import type { ValueReader } from './labelled-values.ts';

/** Words that make a span a label, not a value ("Original Date / Revision", "Agency Code"). */
const LABEL_WORDS =
  /\b(date|dates|number|no|code|ref|type|name|address|phone|fax|period|terms|page|total|amount|rate|account|office|region|executive|estimate|product|revision|rev|id|agency|advertiser|client|customer)\b|[:#]$/i;

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

/**
 * Trailing parts of a name cell that are not the name: stray bars and a date from the next column. An
 * account code "(133903)" stays: the DeepForm labels keep it about as often as they drop it.
 */
const NAME_TAIL = /(\s+[|:;-]+|\s+\d{1,2}\/\d{1,2}\/\d{2,4})+$/;

/**
 * A name with fewer letters than this is more often OCR debris ("iE" for "Maria Nguyen" on a scanned 1099)
 * than a name; short names exist ("3M", "HP"), so it costs confidence (to review) rather than the value.
 */
const SHORT_NAME_LETTERS = 4;
const SHORT_NAME_QUALITY = 0.6;

/** Sentences of small print ("and Agency, jointly and severally, represent…") are not names. */
function isProse(text: string): boolean {
  const words = text.split(' ').filter((w) => /^\p{L}/u.test(w));
  if (words.length < 2) return false;
  const lower = words.filter((w) => /^\p{Ll}/u.test(w)).length;
  return lower / words.length > 0.5;
}

/**
 * A name right of or under a label: a run of words with letters that is not itself another label or
 * a sentence. Under a label, words that end left of it belong to the column beside it ("Sales T & C:
 * www… Senate Majority PAC" when the two cells run together).
 */
export const readName: ValueReader<string> = (words, match) => {
  const labelX0 = match.words[0]?.bbox[0] ?? 0;
  const labelY1 = Math.max(...match.words.map((w) => w.bbox[3]));
  const kept = words.filter((w) => w.bbox[1] < labelY1 || w.bbox[2] > labelX0);
  let text = collapseWhitespace(kept.map((w) => w.text).join(' ')).replace(/^[:#\s]+/, '');
  // A next label glued on by a narrow gap ("… Action PAC Invoice Date") is not part of the name.
  text = text.replace(/\s+\b(invoice|order|contract|due|print)\s+(date|#|no\.?|number)\b.*$/i, '');
  // A code glued to a name cut at the field's width ("…Senate Co(134550") is not part of the name; a
  // code after a space is, as the advertiser's account name.
  text = text
    .replace(NAME_TAIL, '')
    .replace(/(?<=\S)\(\d+\)?$/, '')
    .trim();
  const withoutCode = text.replace(/\s*\(\d+\)$/, '');
  if (text.length < 2 || letterShare(withoutCode) < 0.5 || text.split(' ').length > 10) return null;
  if (LABEL_WORDS.test(text) && text.split(' ').length <= 5) return null;
  if (/^[("“]|\b(hereby|certif\w*|shall|agrees?|references)\b/i.test(text) || isProse(text)) return null;
  const letters = withoutCode.match(/\p{L}/gu)?.length ?? 0;
  return { value: text, words: kept, quality: letters < SHORT_NAME_LETTERS ? SHORT_NAME_QUALITY : 1 };
};
