import type { Word } from '../../documents/page.ts';
import type { TextLine } from '../layout/text-line.ts';
import { spanText } from '../layout/word-span.ts';
import { findDates } from '../normalize/date.ts';
import { foldText, letterShare } from '../normalize/text.ts';
import type { DocumentView } from './document-view.ts';
import { type FieldCandidate, textReadFactor } from './field-candidate.ts';

/** Words in a bank's own name; a heading with one of them is the issuer, not a title or a customer. */
const BANK_WORD =
  /\b(bank|banque|banca|banco|bancorp|sparkasse|credit union|savings|building society|trust|financial|federal)\b/;
/** Headings and header fields that are never the bank's or the holder's name. */
const NOT_A_NAME =
  /\b(statement|account|period|page|summary|balance|date|details|transactions?|activity|continued|iban|sort code|p ?o box)\b/;
/** A street line under a name in an address block. */
const STREET =
  /^(\d+[a-z]?\b|flat\b|apt\b|suite\b|unit\b|p ?o box\b)|\b(street|st|road|rd|avenue|ave|lane|ln|drive|dr|way|close|court|place|blvd|boulevard|via|rue|plein)\b|\p{L}(strasse|weg|gasse|straat|laan)\b/u;

function height(words: readonly Word[]): number {
  return Math.max(...words.map((w) => w.bbox[3] - w.bbox[1]));
}

function isNameLike(text: string): boolean {
  const folded = foldText(text);
  return (
    letterShare(text) >= 0.75 &&
    !/\d/.test(text) &&
    folded.split(' ').length <= 7 &&
    folded.replace(/\s/g, '').length >= 3 &&
    !NOT_A_NAME.test(folded)
  );
}

/**
 * The bank heads the first page in its largest type, and usually says it is a bank. Candidates are the
 * first cells of the page's top lines, scored by both.
 */
export function findBankName(view: DocumentView): FieldCandidate | null {
  const top = view.lines.filter((l) => l.page === 1 && l.bbox[1] < 0.3).slice(0, 10);
  if (top.length === 0) return null;
  const tallest = Math.max(...top.map((l) => height(l.cells[0] ?? l.words)));
  let best: FieldCandidate | null = null;
  top.forEach((line, order) => {
    const cell = line.cells[0] ?? line.words;
    const text = spanText(cell);
    const isBanky = BANK_WORD.test(foldText(text));
    if (!isNameLike(text) && !(isBanky && !/\d/.test(text))) return;
    const isTallest = height(cell) >= 0.9 * tallest;
    const score = (0.35 + (isBanky ? 0.35 : 0) + (isTallest ? 0.2 : 0) - 0.03 * order) * textReadFactor(cell);
    if (!best || score > best.score) {
      best = {
        value: text,
        words: cell,
        page: 1,
        score,
        evidence: isBanky ? 'bank heading' : 'first heading',
      };
    }
  });
  return best;
}

/**
 * An unlabelled account holder: the name line of the address block on the first page (a window
 * envelope's), i.e. a name-like first cell followed by a street line, above the transaction table. The
 * bank's own heading is skipped.
 */
export function findHolderAboveAddress(
  view: DocumentView,
  bankName: string | undefined,
  tableStart = view.lines.length,
): FieldCandidate | null {
  const lines = view.lines.slice(0, tableStart).filter((l) => l.page === 1 && l.bbox[1] < 0.45);
  const firstCell = (line: TextLine | undefined) => (line ? (line.cells[0] ?? line.words) : []);
  for (let i = 0; i + 1 < lines.length; i++) {
    const cell = firstCell(lines[i]);
    const text = spanText(cell);
    if (text === bankName || !isNameLike(text) || BANK_WORD.test(foldText(text))) continue;
    const next = spanText(firstCell(lines[i + 1]));
    if (!STREET.test(foldText(next)) || findDates(next).length > 0) continue;
    return {
      value: text,
      words: cell,
      page: 1,
      score: 0.6 * textReadFactor(cell),
      evidence: 'above an address',
    };
  }
  return null;
}
