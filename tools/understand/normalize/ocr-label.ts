/**
 * Label words as OCR misreads them on receipts: "1oTaL", "TuTAL", "T0TAL", "TOTA L", "CHANGF". Each
 * letter may come back as one of its look-alikes, and one space may fall inside the word. Only a short
 * list of label words is repaired, so ordinary words are never rewritten into labels.
 */

const LOOKALIKES: Record<string, string> = {
  a: 'a4@',
  b: 'b8',
  e: 'ec',
  g: 'g9d',
  i: 'i1l|!',
  l: 'l1i|!',
  o: 'o0qua',
  r: 'rk',
  s: 's5',
  t: 't17',
  u: 'uv',
};

/** The words receipts and invoices use as total, payment and date labels. */
export const LABEL_WORDS = [
  'total',
  'cash',
  'change',
  'rounding',
  'rounded',
  'round',
  'amount',
  'tender',
  'payable',
  'grand',
  'date',
] as const;

function escapeClass(chars: string): string {
  return chars.replace(/[\]\\^-]/g, (c) => `\\${c}`);
}

/**
 * A regex source matching `word` as OCR may print it: any letter as a look-alike, and at most one space
 * inside it (the pattern allows one between any two letters; more than one is rare enough to ignore).
 */
export function ocrWordPattern(word: string): string {
  return [...word.toLowerCase()]
    .map((ch) => {
      const alike = LOOKALIKES[ch];
      return alike ? `[${escapeClass(alike)}]` : ch;
    })
    .join(' ?');
}

const REPAIRS = LABEL_WORDS.map((word) => ({
  word,
  pattern: new RegExp(`(?<![\\p{L}\\d])${ocrWordPattern(word)}(?![\\p{L}\\d])`, 'giu'),
}));

/** Rewrites OCR-damaged label words to their spelling ("1oTaL RM" → "total RM"), leaving the rest alone. */
export function repairLabelWords(text: string): string {
  let repaired = text;
  for (const { word, pattern } of REPAIRS) repaired = repaired.replace(pattern, word);
  return repaired;
}
