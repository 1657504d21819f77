import type { Word } from '../../documents/page.ts';
import type { TextLine } from '../layout/text-line.ts';
import { repairLegalSuffix } from '../normalize/legal-suffix.ts';
import { collapseWhitespace, foldText, letterShare } from '../normalize/text.ts';
import type { DocumentView } from './document-view.ts';
import { type FieldCandidate, textReadFactor } from './field-candidate.ts';

/** Words that end or mark a business name in many countries. */
const ENTITY =
  /\b(sdn\.?\s*bhd|bhd|berhad|s\s?b|enterprise|trading|ltd|limited|llc|l\.?l\.?c|inc|corp\w*|co|company|plt|gmbh|pte|mart|store|shop|restaurant|restoran|hardware|supermarket|bakery|bakeries|cafe|kedai|pharmacy|stationery|bookstore|marketing|holdings|group|pizza|kitchen)\b/;
const LEGAL_SUFFIX = /\b(sdn\.?\s*bhd|bhd|berhad|s\s?b|ltd|limited|llc|inc|plt|pte)\.?\s*$/;
/** Lines in a receipt's header that are not the name. */
const NOT_A_NAME =
  /\b(tax\s*invoice|invoice|receipt|resit|welcome|tel|phone|fax|gst|sst|reg\w*|date|cashier|table|order|email|www|http|formerly|licensee|thank)\b/;
/** Where the header ends: once these appear, names below belong to customers or items. */
const HEADER_END = /\b(tel|phone|fax|gst|sst|invoice|receipt|cashier|date)\b/;

/** Drops a trailing registration number ("(519537-X)", "(139386 X)", "BHD(728384-M)") from a name line. */
function nameWords(line: TextLine): Word[] {
  const words = line.words.map((w) =>
    /\S\(.*\d/.test(w.text) ? { ...w, text: w.text.replace(/\(.*$/, '') } : w,
  );
  for (let k = words.length - 1; k > 0 && k >= words.length - 4; k--) {
    const tail = words
      .slice(k)
      .map((w) => w.text)
      .join(' ');
    if (words[k]!.text.startsWith('(') && /\d/.test(tail)) return words.slice(0, k);
  }
  while (words.length > 1 && /^\d[\d-]*[A-Z]?$/i.test(words[words.length - 1]!.text)) words.pop();
  return words;
}

function isHeaderText(text: string): boolean {
  return (
    letterShare(text) > 0.6 && !NOT_A_NAME.test(foldText(text)) && text.replace(/[^\p{L}]/gu, '').length >= 3
  );
}

/**
 * The merchant is printed at the top, before the phone, tax-id and document lines: there, the line with a
 * business-entity word ("SDN BHD", "ENTERPRISE", "LTD", "RESTAURANT"…) wins; otherwise the first line that
 * reads like a name. A name that wraps is joined: a line that only continues one ("CO. (M) SDN BHD") takes
 * the line above; a line without a legal suffix takes the next one when that ends in one.
 */
export function findMerchantName(
  view: DocumentView,
): { name: FieldCandidate; lineIndex: number; lastIndex: number } | null {
  const page1 = view.lines.filter((l) => l.page === 1);
  let end = page1.slice(0, 14).findIndex((l, i) => i > 0 && HEADER_END.test(foldText(l.text)));
  if (end < 0) end = Math.min(page1.length, 14);
  const top = page1.slice(0, Math.max(end, 1));
  const texts = top.map((l) =>
    collapseWhitespace(
      nameWords(l)
        .map((w) => w.text)
        .join(' '),
    ),
  );
  let index = texts.findIndex((t) => isHeaderText(t) && ENTITY.test(foldText(t)));
  let score = 0.8;
  if (index < 0) {
    index = texts.findIndex((t) => isHeaderText(t));
    score = 0.6;
  }
  if (index < 0) return null;
  let first = index;
  let last = index;
  const previous = top[index - 1];
  const isSuffixOnly = /^(co\b|sdn|bhd|\(|&|and\b)/i.test(texts[index]!);
  // "WESTERN EASTERN" / "STATIONERY SDN. BHD": a short line ending in a legal suffix continues the one above.
  const isShortWithSuffix =
    LEGAL_SUFFIX.test(foldText(texts[index]!)) && texts[index]!.split(' ').length <= 3 && index > 0;
  if (previous && isHeaderText(texts[index - 1]!) && (isSuffixOnly || isShortWithSuffix)) {
    first = index - 1;
  }
  const nextText = texts[index + 1] ?? '';
  if (isHeaderText(nextText) && /[&-]$|\b(and|dan)$/i.test(texts[index]!)) last = index + 1;
  // A name without its suffix wraps onto at most two more lines, the last ending in the suffix
  // ("AIK HUAT HARDWARE" / "ENTERPRISE (SETIA" / "ALAM) SDN BHD").
  if (!LEGAL_SUFFIX.test(foldText(texts[index]!))) {
    for (let k = 1; k <= 2 && isHeaderText(texts[index + k] ?? ''); k++) {
      if (LEGAL_SUFFIX.test(foldText(texts[index + k]!))) {
        last = index + k;
        break;
      }
    }
  }
  const words = top.slice(first, last + 1).flatMap((l) => nameWords(l));
  const text = repairLegalSuffix(collapseWhitespace(words.map((w) => w.text).join(' ')));
  return {
    name: { value: text, words, page: 1, score: score * textReadFactor(words), evidence: 'header line' },
    lineIndex: view.lines.indexOf(top[first]!),
    lastIndex: view.lines.indexOf(top[last]!),
  };
}
