import type { Word } from '../../documents/page.ts';
import { classifyUsTin, impossibleTinReason } from '../../validate/tax-id-shape.ts';
import { repairDigitLookalikes } from '../normalize/digit-lookalikes.ts';
import { collapseWhitespace, letterShare } from '../normalize/text.ts';
import type { ValueReader } from './labelled-values.ts';
import { readMoney } from './money-reader.ts';

export type TinType = 'SSN' | 'EIN';
export type TinRead = { tin: string; type: TinType | null };

/** A piece of a TIN as printed or OCRed: digits (or their look-alikes), dashes, or a box's digit alone. */
const TIN_PIECE = /^[\dOoDQlIiSsBZz.,\-–—]+$/;
/** Box rules OCR reads as marks of their own; never digits. */
const BOX_RULE = /^[|[\]_]+$/;

function repairPiece(text: string): { text: string; wasRepaired: boolean } {
  const normalized = text.replace(/[–—]/g, '-').replace(/[.,]/g, '');
  // A lone character in a box is a digit when it looks like one ("O", "l"): nothing else fits there.
  if (normalized.length === 1 && /[OoDQlIiSsBZz]/.test(normalized)) {
    return { text: repairDigitLookalikes(`0${normalized}`).text.slice(1), wasRepaired: true };
  }
  return repairDigitLookalikes(normalized);
}

/** The grouping of nine digits, from dashes or else from the gaps between printed groups. */
function tinType(groups: string[]): TinType | null {
  const lengths = groups.map((g) => g.length).join(',');
  if (lengths === '3,2,4') return 'SSN';
  if (lengths === '2,7') return 'EIN';
  return null;
}

/**
 * A taxpayer id right of or under its label: "12-3456789", "123 45 6789", or one digit per box as the IRS
 * forms print it ("1 2 - 3 4 5 6 7 8 9"). Look-alike letters are read as digits. Its type comes from
 * the grouping when that is clear ("3-2-4" is an SSN, "2-7" an EIN); a masked id ("XXX-XX-6789") is not
 * read at all.
 */
export const readTin: ValueReader<TinRead> = (words) => {
  const used: Word[] = [];
  let text = '';
  let wasRepaired = false;
  let gapGroups: string[] = [];
  let previous: Word | undefined;
  let previousLength = 0;
  const span = words.slice(0, 16);
  for (const [i, word] of span.entries()) {
    const raw = word.text.replace(/^[:#]+/, '');
    if (raw === '' || BOX_RULE.test(raw)) continue;
    // OCR reads the dash between two boxed groups as a short scrap ("fi", "~"): a separator.
    const next = span[i + 1];
    if (used.length > 0 && raw.length <= 2 && !TIN_PIECE.test(raw) && next && TIN_PIECE.test(next.text)) {
      text += '-';
      previousLength = 0;
      continue;
    }
    if (!TIN_PIECE.test(raw)) {
      if (used.length > 0) break;
      if (/^(no\.?|#|number|tin|ssn|ein|id)$/i.test(raw)) continue;
      return null;
    }
    const piece = repairPiece(raw);
    if (/[^\d-]/.test(piece.text)) return null;
    wasRepaired ||= piece.wasRepaired;
    // Printed groups are words of their own ("401 51 2819"); digits one per box join into a group
    // until a gap wider than a digit ("4 0 1   5 1").
    const digitsOnly = piece.text.replace(/-/g, '');
    const height = word.bbox[3] - word.bbox[1];
    const isWideGap = previous !== undefined && word.bbox[0] - previous.bbox[2] > height * 0.9;
    const isBoxDigit = digitsOnly.length === 1 && previousLength === 1 && !isWideGap;
    if (!isBoxDigit) gapGroups.push('');
    gapGroups[gapGroups.length - 1] += digitsOnly;
    previousLength = digitsOnly.length;
    text += piece.text;
    used.push(word);
    previous = word;
    if (text.replace(/-/g, '').length >= 9) break;
  }
  const digits = text.replace(/-/g, '');
  if (digits.length !== 9) return null;
  const dashGroups = text.split('-').filter((g) => g !== '');
  gapGroups = gapGroups.filter((g) => g !== '');
  const type = tinType(dashGroups) ?? tinType(gapGroups);
  const tin = formatTin(digits, type);
  return {
    value: { tin, type },
    words: used,
    quality: (type ? 1 : 0.8) * (wasRepaired ? 0.85 : 1) * (isPlausibleTin(tin) ? 1 : 0.7),
  };
};

export function formatTin(digits: string, type: TinType | null): string {
  if (type === 'EIN') return `${digits.slice(0, 2)}-${digits.slice(2)}`;
  if (type === 'SSN') return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
  return digits;
}

/**
 * Whether a TIN could have been issued to the SSN or EIN box it was read from (an ITIN is not expected
 * there): one set of never-issued ranges, the validation rules'. A read that could not be issued was
 * likely misread.
 */
export function isPlausibleTin(tin: string): boolean {
  const kind = classifyUsTin(tin);
  return (kind === 'SSN' || kind === 'EIN') && impossibleTinReason(tin) === undefined;
}

/** A four-digit year 1990–2099 right of or under its label; the IRS form's "20 25" in two pieces too. */
export const readTaxYear: ValueReader<string> = (words) => {
  for (let i = 0; i < Math.min(words.length, 4); i++) {
    const word = words[i]!;
    const text = repairDigitLookalikes(word.text.replace(/[:.,]$/, ''));
    const next = words[i + 1];
    const joined =
      next && /^\d{2}$/.test(text.text) ? `${text.text}${repairDigitLookalikes(next.text).text}` : '';
    if (/^20\d\d$/.test(joined)) return { value: joined, words: [word, next!], quality: 0.9 };
    if (/^(199\d|20\d\d)$/.test(text.text)) {
      return { value: text.text, words: [word], quality: text.wasRepaired ? 0.85 : 1 };
    }
  }
  return null;
};

const NOT_AN_ADDRESS = /\b(city|state|zip|instructions|address|number|account|optional|requester)\b/i;

/** A street line: a house number or PO box, then words; not another caption. */
export const readStreetAddress: ValueReader<string> = (words) => {
  const text = collapseWhitespace(words.map((w) => w.text).join(' ')).replace(/^[:\s]+/, '');
  const first = repairDigitLookalikes(text.split(' ')[0] ?? '').text;
  const startsLikeAddress = /^\d+[A-Z]?$/i.test(first) || /^p\.?\s?o\.?\s+box\b/i.test(text);
  if (!startsLikeAddress || letterShare(text) < 0.3 || text.split(' ').length > 10) return null;
  if (NOT_AN_ADDRESS.test(text)) return null;
  const rest = text.slice(text.indexOf(' ') + 1);
  return { value: /^\d/.test(first) ? `${first} ${rest}` : text, words, quality: 1 };
};

const CITY_STATE_ZIP =
  /^([\p{L}][\p{L} .'-]*?)\s*[,.]?\s+([A-Z]{2})[,.]?\s*([\dOoIlSB]{5}(?:-[\dOoIlSB]{4})?)$/u;

/** "City, ST 12345" as the contract prints it, whatever punctuation OCR kept around the state. */
export const readCityStateZip: ValueReader<string> = (words) => {
  const text = collapseWhitespace(words.map((w) => w.text).join(' ')).replace(/^[:\s]+/, '');
  const m = CITY_STATE_ZIP.exec(text);
  if (!m) return null;
  const zip = repairDigitLookalikes(m[3]!);
  return { value: `${m[1]!.trim()}, ${m[2]} ${zip.text}`, words, quality: zip.wasRepaired ? 0.85 : 1 };
};

/**
 * An amount typed into a money box. Tax forms print cents, so a number without them is a piece of an
 * amount OCR split over two lines ("5," above "198.59"), not the amount.
 */
export const readBoxAmount: ValueReader<string> = (words, match) => {
  const hit = readMoney(words, match);
  if (!hit || !/\d[.,]\d{2}(?!\d)/.test(hit.words.map((w) => w.text).join(''))) return null;
  return hit;
};
