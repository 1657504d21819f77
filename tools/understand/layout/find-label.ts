import type { Word } from '../../documents/page.ts';
import type { TextLine } from './text-line.ts';

/** Where a label was found: the line, and the words [start, end) it covers. */
export type LabelMatch = {
  lineIndex: number;
  line: TextLine;
  start: number;
  end: number;
  words: Word[];
  text: string;
  /** The rest of the label's last word when the value is glued to it ("TOTAL:80.90" → "80.90"). */
  tail?: Word;
};

/** Char offset where each word starts in `line.text` (words joined by single spaces). */
function wordOffsets(words: readonly Word[]): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const word of words) {
    offsets.push(at);
    at += word.text.length + 1;
  }
  return offsets;
}

/**
 * Finds every match of a label pattern in the lines and maps it back to whole words. The pattern runs on
 * the line's text, so a label split over several words ("Invoice", "No.") is found like one printed as a
 * single word ("InvoiceNo").
 */
export function findLabel(lines: readonly TextLine[], pattern: RegExp): LabelMatch[] {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  const global = new RegExp(pattern.source, flags);
  const matches: LabelMatch[] = [];
  lines.forEach((line, lineIndex) => {
    const offsets = wordOffsets(line.words);
    for (const m of line.text.matchAll(global)) {
      if (m[0] === '') continue;
      const from = m.index ?? 0;
      const to = from + m[0].length;
      let start = offsets.findLastIndex((o) => o <= from);
      let end = offsets.findIndex((o) => o >= to);
      if (start < 0) start = 0;
      if (end < 0) end = line.words.length;
      // A label that ends inside a word ("Total:80.90") keeps that word; the value reader re-reads its tail.
      const last = line.words[end - 1];
      const cut = last ? to - offsets[end - 1]! : 0;
      const rest = last ? last.text.slice(cut).replace(/^[:#.=\s]+/, '') : '';
      const tail = last && cut > 0 && rest !== '' ? { ...last, text: rest } : undefined;
      matches.push({ lineIndex, line, start, end, words: line.words.slice(start, end), text: m[0], tail });
    }
  });
  return matches;
}
