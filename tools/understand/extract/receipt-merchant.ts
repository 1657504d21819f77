import type { TextLine } from '../layout/text-line.ts';
import { collapseWhitespace, foldText, letterShare } from '../normalize/text.ts';
import type { DocumentView } from './document-view.ts';
import { type FieldCandidate, ocrFactor } from './field-candidate.ts';

/** Words that end or mark a business name in many countries. */
const ENTITY =
  /\b(sdn\.?\s*bhd|bhd|berhad|s\/?b|enterprise|trading|ltd|limited|llc|l\.?l\.?c|inc|corp\w*|co|company|plt|gmbh|pte|mart|store|shop|restaurant|restoran|hardware|supermarket|bakery|bakeries|cafe|kedai|pharmacy|stationery|bookstore|marketing|holdings|group|pizza|kitchen)\b/;
/** Lines in a receipt's header that are not the name. */
const NOT_A_NAME =
  /\b(tax\s*invoice|invoice|receipt|resit|welcome|tel|phone|fax|gst|sst|reg\w*|no\s*\d|date|cashier|table|order|email|www|http|formerly|licensee|thank)\b/;
const ADDRESS_START =
  /(\d|\b(no|lot|jalan|jln|lorong|level|floor|flr|unit|block|blk|taman|tmn|road|rd|street|st|avenue|ave|suite|plaza|mall|wisma|bangunan|kompleks|ground)\b)/;
const ADDRESS_STOP =
  /\b(tel|telephone|phone|fax|h\/?p|gst|sst|tax|reg|co\s*no|company\s*no|invoice|receipt|cashier|date|email|e-mail|www|http|website|ord(er)?\s*#|tin)\b/;
const POSTCODE = /\b\d{5}\b|\b\d{2}\s\d{3}\b/;
const REGISTRATION = /^\(?[A-Z]{0,3}\d[\d\s-]*-?[A-Z]?\)?$/i;

function isHeaderText(line: TextLine): boolean {
  return letterShare(line.text) > 0.6 && !NOT_A_NAME.test(foldText(line.text));
}

/**
 * The merchant is printed at the top: among the first lines, the one with a business-entity word
 * ("SDN BHD", "ENTERPRISE", "LTD", "RESTAURANT"…) wins; otherwise the first line that reads like a name.
 * A name that wraps (a line ending in "&", or a next line holding only the entity word) is joined.
 */
export function findMerchantName(
  view: DocumentView,
): { name: FieldCandidate; lineIndex: number; lastIndex: number } | null {
  const top = view.lines.slice(0, 12).filter((l) => l.page === 1);
  let index = top.findIndex((l) => isHeaderText(l) && ENTITY.test(foldText(l.text)));
  let score = 0.8;
  if (index < 0) {
    index = top.findIndex((l) => isHeaderText(l) && l.text.replace(/[^\p{L}]/gu, '').length >= 3);
    score = 0.6;
  }
  if (index < 0) return null;
  const lines = [top[index]!];
  const next = top[index + 1];
  if (
    next &&
    (/[&-]$|\b(and|dan)$/i.test(lines[0]!.text.trim()) ||
      /^(sdn\.?\s*bhd\.?|bhd\.?|s\/b)$/i.test(next.text.trim()))
  ) {
    lines.push(next);
  }
  const words = lines.flatMap((l) => l.words);
  const text = collapseWhitespace(words.map((w) => w.text).join(' '));
  return {
    name: { value: text, words, page: 1, score: score * ocrFactor(words), evidence: 'header line' },
    lineIndex: index,
    lastIndex: index + lines.length - 1,
  };
}

/**
 * The address is the block under the name: it starts at the first line that looks like a street (a
 * number, "Lot", "Jalan", "Level"…), skipping a registration number or "formerly known as", and ends at
 * a phone, tax-id or document line, or one line after the postcode (the state).
 */
export function findMerchantAddress(view: DocumentView, afterIndex: number): FieldCandidate | null {
  const lines: TextLine[] = [];
  let sawPostcode = false;
  for (let i = afterIndex + 1; i < Math.min(view.lines.length, afterIndex + 10); i++) {
    const line = view.lines[i]!;
    const folded = foldText(line.text);
    if (lines.length === 0) {
      if (REGISTRATION.test(line.text.trim()) || !ADDRESS_START.test(folded) || ADDRESS_STOP.test(folded))
        continue;
    } else if (
      ADDRESS_STOP.test(folded) ||
      (sawPostcode && (letterShare(line.text) < 0.7 || line.text.length > 30))
    ) {
      break;
    }
    lines.push(line);
    if (sawPostcode) break;
    if (POSTCODE.test(line.text)) sawPostcode = true;
    if (lines.length >= 5) break;
  }
  if (lines.length === 0) return null;
  const words = lines.flatMap((l) => l.words);
  const value = collapseWhitespace(lines.map((l) => l.text).join(' '));
  const score = (sawPostcode ? 0.75 : 0.45) * ocrFactor(words);
  return { value, words, page: lines[0]!.page, score, evidence: 'block under the name' };
}
