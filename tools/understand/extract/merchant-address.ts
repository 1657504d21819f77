import type { Word } from '../../documents/page.ts';
import type { TextLine } from '../layout/text-line.ts';
import { findDates } from '../normalize/date.ts';
import { collapseWhitespace, foldText } from '../normalize/text.ts';
import type { DocumentView } from './document-view.ts';
import { type FieldCandidate, textReadFactor } from './field-candidate.ts';

const ADDRESS_START =
  /(\d|\b(no|lot|jalan|jln|lorong|level|floor|flr|unit|block|blk|taman|tmn|road|rd|street|st|avenue|ave|suite|plaza|mall|wisma|bangunan|kompleks|ground)\b)/;
const ADDRESS_STOP =
  /invoice|receipt|\b(tel|telephone|phone|fax|h\/?p|gst|sst|tax|reg|co\s*no|company\s*no|invoice|receipt|cashier|date|email|e-mail|www|http|website|ord(er)?\s*#|tin)\b/;
/** A postcode followed by a town, or a postcode at the end of a line. */
const POSTCODE = /(?<!\b(lot|no)\.?\s?)\b(\d{5},?\s+\p{L}{3}|\d{5}\.?\s*$|\d{2}\s\d{3}\s+\p{L}{2})/iu;

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

/** The first cell of a line as a line of its own: an invoice prints its header fields beside the address. */
function leftCell(line: TextLine): TextLine {
  const words = line.cells[0] ?? line.words;
  return { ...line, words, cells: [words], text: words.map((w) => w.text).join(' ') };
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
 * Lines are joined with `separator`: a space for receipts (as SROIE labels them), ", " for invoices (as
 * the invoice schema asks); `isLeftColumn` reads only each line's first cell, for two-column headers.
 */
export function findMerchantAddress(
  view: DocumentView,
  afterIndex: number,
  options: { separator?: string; isLeftColumn?: boolean } = {},
): FieldCandidate | null {
  const separator = options.separator ?? ' ';
  const lines: TextLine[] = [];
  let sawPostcode = false;
  let afterPostcode = 0;
  for (let i = afterIndex + 1; i < Math.min(view.lines.length, afterIndex + 10); i++) {
    const line = options.isLeftColumn ? leftCell(view.lines[i]!) : view.lines[i]!;
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
  const value = lineWords
    .map((l) => collapseWhitespace(l.map((w) => w.text).join(' ')))
    // A line's own trailing comma would double the separator's.
    .map((l) => (separator.startsWith(',') ? l.replace(/,$/, '') : l))
    .filter((l) => l !== '')
    .join(separator);
  const score = (sawPostcode ? 0.75 : 0.45) * textReadFactor(words);
  return { value, words, page: lines[0]!.page, score, evidence: 'block under the name' };
}
