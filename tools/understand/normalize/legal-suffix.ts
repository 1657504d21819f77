/**
 * Business-entity suffixes as OCR misreads them on receipts ("SON BHD", "5/B", "§/B", "BHO"). They end
 * most Malaysian and Singaporean merchant names, so a misread suffix costs the whole name; only the
 * suffix words are rewritten, and only in the shapes these suffixes take.
 */
const REPAIRS: [RegExp, string][] = [
  [/\b(?:S[O0DT]N|5DN|SDM|SON)(?=\.?\s+(?:BHD|BHO|8HD|B[HN]D|BID)\b)/gi, 'SDN'],
  [/(?<=\bSDN\.?\s+)(?:BHO|8HD|BND|BID|iiHD)\b/gi, 'BHD'],
  [/(?:^|(?<=\s))[5§$]\/B\b/g, 'S/B'],
];

/** Rewrites a misread entity suffix and drops stray marks OCR leaves at the end of a name line. */
export function repairLegalSuffix(name: string): string {
  let repaired = name;
  for (const [pattern, replacement] of REPAIRS) repaired = repaired.replace(pattern, replacement);
  return repaired.replace(/(\s+[|\\/_~—-]+)+$/, '').trim();
}
