import { repairLegalSuffix } from '../understand/normalize/legal-suffix.ts';
import { foldText } from '../understand/normalize/text.ts';

/**
 * Words that say what kind of entity a business is, not which one. Folded (lower case, no punctuation), so
 * "Sdn. Bhd." is "sdn bhd" and "S/B" is "s b"; only trailing runs of them are dropped.
 */
const LEGAL_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'llc',
  'llp',
  'lp',
  'pllc',
  'pc',
  'ltd',
  'limited',
  'co',
  'corp',
  'corporation',
  'company',
  'plc',
  'gmbh',
  'ag',
  'kg',
  'mbh',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'pte',
  'pty',
  'sdn',
  'bhd',
  'berhad',
  'oy',
  'ab',
  'as',
  'asa',
  'aps',
  'kk',
  'tbk',
  'pt',
]);

/** "S/B", "L.L.C.", "Co.," as printed: joined before folding so they fold to one suffix word. */
const DOTTED = [
  [/\bS\s*\/\s*B\b/gi, ' sdn bhd '],
  [/\bL\.\s*L\.\s*C\.?/gi, ' llc '],
  [/\bL\.\s*L\.\s*P\.?/gi, ' llp '],
  [/\bP\.\s*L\.\s*C\.?/gi, ' plc '],
  [/(?<=^|\s)S\.\s*A\.?(?=\s|$)/gi, ' sa '],
  [/(?<=^|\s)B\.\s*V\.?(?=\s|$)/gi, ' bv '],
  [/(?<=^|\s)N\.\s*V\.?(?=\s|$)/gi, ' nv '],
] as const;

/** Runs of single letters are one initialism: "I.B.M." and "IBM" are the same name. */
function joinInitials(words: readonly string[]): string[] {
  const joined: string[] = [];
  let run = '';
  for (const word of [...words, '']) {
    if (/^\p{L}$/u.test(word)) {
      run += word;
      continue;
    }
    if (run) joined.push(run);
    run = '';
    if (word) joined.push(word);
  }
  return joined;
}

/**
 * The key a vendor name is looked up and indexed by: case, accents, punctuation and whitespace folded, "&"
 * read as "and", initials joined ("I.B.M." is "ibm"), a leading "The" and trailing legal suffixes (Inc, LLC, Ltd, GmbH, Sdn Bhd, Pte Ltd …)
 * dropped. "Northwind Traders, L.L.C." and "NORTHWIND TRADERS" share the key "northwind traders". A name
 * that is nothing but suffixes keeps them, so it still has a key.
 */
export function vendorKey(name: string): string {
  let text = repairLegalSuffix(name).replace(/&/g, ' and ');
  for (const [pattern, replacement] of DOTTED) text = text.replace(pattern, replacement);
  const words = joinInitials(foldText(text).split(' ').filter(Boolean));
  if (words[0] === 'the' && words.length > 1) words.shift();
  let end = words.length;
  // Drop suffixes and the "and" they leave behind ("Smith & Co." → "smith"), never the whole name.
  while (end > 1 && (LEGAL_SUFFIXES.has(words[end - 1]!) || words[end - 1] === 'and')) end--;
  return words.slice(0, end).join(' ');
}
