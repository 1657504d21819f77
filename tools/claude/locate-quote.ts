import type { FieldSource } from '../documents/extraction-result.ts';
import type { Page, Word } from '../documents/page.ts';
import { groupLines } from '../understand/layout/group-lines.ts';
import { unionBox } from './find-sensitive-numbers.ts';

/** `exact`: the quote's letters and digits are on the page in order; `repaired`: after folding OCR look-alikes. */
export type QuoteMatch = FieldSource & { match: 'exact' | 'repaired' };

/** Letters and digits only, lower case: spacing, punctuation and line breaks differ between OCR and quote. */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const LOOKALIKES: Record<string, string> = { o: '0', l: '1', i: '1', s: '5', b: '8', z: '2', g: '9', q: '9' };

/** The same string with characters OCR confuses mapped to one of them (`O`/`0`, `l`/`1`, `S`/`5` …). */
function foldLookalikes(folded: string): string {
  return folded.replace(/[olisbzgq]/g, (c) => LOOKALIKES[c] ?? c);
}

/**
 * Finds the words a quote was read from: the page's words in reading order are folded into one string (with
 * a map back to each word) and the folded quote is searched in it, first as is, then with OCR look-alikes
 * folded on both sides. The source is the union box of the words the match touches and their text.
 */
export function locateQuote(pages: readonly Page[], quote: string): QuoteMatch | undefined {
  const target = fold(quote);
  if (!target) return undefined;
  const streams = pages.map(foldPage);
  for (const [match, transform] of [
    ['exact', (s: string) => s],
    ['repaired', foldLookalikes],
  ] as const) {
    for (const stream of streams) {
      const at = transform(stream.text).indexOf(transform(target));
      if (at < 0) continue;
      const words = stream.words.slice(stream.owner[at], (stream.owner[at + target.length - 1] ?? 0) + 1);
      return {
        page: stream.page,
        bbox: unionBox(words.map((w) => w.bbox)),
        text: words.map((w) => w.text).join(' '),
        match,
      };
    }
  }
  return undefined;
}

type FoldedPage = { page: number; text: string; owner: number[]; words: Word[] };

function foldPage(page: Page): FoldedPage {
  const words = groupLines(page).flatMap((line) => line.words);
  let text = '';
  const owner: number[] = [];
  words.forEach((word, index) => {
    const folded = fold(word.text);
    text += folded;
    for (let i = 0; i < folded.length; i++) owner.push(index);
  });
  return { page: page.number, text, owner, words };
}
