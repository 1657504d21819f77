import type { Word } from '../../documents/page.ts';
import type { TextLine } from '../layout/text-line.ts';
import { findDates } from '../normalize/date.ts';
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
const ADDRESS_START =
  /(\d|\b(no|lot|jalan|jln|lorong|level|floor|flr|unit|block|blk|taman|tmn|road|rd|street|st|avenue|ave|suite|plaza|mall|wisma|bangunan|kompleks|ground)\b)/;
const ADDRESS_STOP =
  /invoice|receipt|\b(tel|telephone|phone|fax|h\/?p|gst|sst|tax|reg|co\s*no|company\s*no|invoice|receipt|cashier|date|email|e-mail|www|http|website|ord(er)?\s*#|tin)\b/;
/** A postcode followed by a town, or a postcode at the end of a line. */
const POSTCODE = /(?<!\b(lot|no)\.?\s?)\b(\d{5},?\s+\p{L}{3}|\d{5}\.?\s*$|\d{2}\s\d{3}\s+\p{L}{2})/iu;

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
  if (previous && isHeaderText(texts[index - 1]!) && /^(co\b|sdn|bhd|\(|&|and\b)/i.test(texts[index]!)) {
    first = index - 1;
  }
  const next = top[index + 1];
  const nextText = texts[index + 1] ?? '';
  if (
    next &&
    isHeaderText(nextText) &&
    (/[&-]$|\b(and|dan)$/i.test(texts[index]!) ||
      (!LEGAL_SUFFIX.test(foldText(texts[index]!)) && LEGAL_SUFFIX.test(foldText(nextText))))
  ) {
    last = index + 1;
  }
  const words = top.slice(first, last + 1).flatMap((l) => nameWords(l));
  const text = repairLegalSuffix(collapseWhitespace(words.map((w) => w.text).join(' ')));
  return {
    name: { value: text, words, page: 1, score: score * textReadFactor(words), evidence: 'header line' },
    lineIndex: view.lines.indexOf(top[first]!),
    lastIndex: view.lines.indexOf(top[last]!),
  };
}

/** A company registration number before the address ("(81109-A)", "CO. NO. 373665-A", "ROC: 1026984-X"). */
const REGISTRATION =
  /^[\s|({[]*(?:(?:c[o0]|cc|roc|company|reg)\.?\s*(?:no|reg)?\.?\s*:?\s*)?\(?[A-Z]{0,3}\d{4,8}\s?-?\s?[A-Z](?![A-Z])\)?[\s,.)]*/i;

function isSkippable(line: TextLine): boolean {
  const text = line.text.trim();
  return (
    /^\(.*\)$/.test(text) ||
    /^\(?[A-Z]{0,3}\d[\d\s-]*-?[A-Z]?\)?$/i.test(text) ||
    findDates(text).length > 0 ||
    text.replace(REGISTRATION, '') === ''
  );
}

/** The words of an address line without a registration number printed in front of it. */
function withoutRegistration(line: TextLine): Word[] {
  const cut = REGISTRATION.exec(line.text)?.[0].length ?? 0;
  if (cut === 0) return line.words;
  let at = 0;
  return line.words.filter((w) => {
    const starts = at;
    at += w.text.length + 1;
    return starts >= cut;
  });
}

/**
 * The address is the block under the name: it starts at the first line that looks like a street (a
 * number, "Lot", "Jalan", "Level"…), skipping a registration number, a date or "formerly known as", and
 * ends at a phone, tax-id or document line, or two short lines after the postcode (the state, the country).
 */
export function findMerchantAddress(view: DocumentView, afterIndex: number): FieldCandidate | null {
  const lines: TextLine[] = [];
  let sawPostcode = false;
  let afterPostcode = 0;
  for (let i = afterIndex + 1; i < Math.min(view.lines.length, afterIndex + 10); i++) {
    const line = view.lines[i]!;
    const folded = foldText(
      withoutRegistration(line)
        .map((w) => w.text)
        .join(' '),
    );
    if (lines.length === 0) {
      if (isSkippable(line) || !ADDRESS_START.test(folded) || ADDRESS_STOP.test(folded)) continue;
    } else if (ADDRESS_STOP.test(folded) || isSkippable(line)) {
      break;
    } else if (sawPostcode && (/\d|:/.test(line.text) || line.text.split(/\s+/).length > 4)) {
      break;
    }
    lines.push(line);
    // The state and the country may follow the postcode line, each on a short line of its own.
    if (sawPostcode && ++afterPostcode >= 2) break;
    if (POSTCODE.test(line.text)) sawPostcode = true;
    if (lines.length >= 5) break;
  }
  if (lines.length === 0) return null;
  const lineWords = lines.map(withoutRegistration);
  const words = lineWords.flat();
  const value = collapseWhitespace(words.map((w) => w.text).join(' '));
  const score = (sawPostcode ? 0.75 : 0.45) * textReadFactor(words);
  return { value, words, page: lines[0]!.page, score, evidence: 'block under the name' };
}
