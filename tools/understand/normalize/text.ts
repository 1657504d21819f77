/** Whitespace and case helpers shared by the normalizers, the extractors and the evals. */

/** Collapses runs of whitespace to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Folds text for comparison: Unicode compatibility form, no accents, lower case, punctuation dropped,
 * whitespace collapsed. Two labels that differ only in those respects are the same label.
 */
export function foldText(text: string): string {
  return collapseWhitespace(
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s]/gu, ' '),
  );
}

/** Like `foldText` but without any spaces, for matching labels that OCR split or glued ("GrossTotal"). */
export function foldCompact(text: string): string {
  return foldText(text).replace(/\s/g, '');
}

/** Share of the characters that are letters, 0..1; used to tell names from numbers and codes. */
export function letterShare(text: string): number {
  const chars = text.replace(/\s/g, '');
  if (chars.length === 0) return 0;
  return (chars.match(/\p{L}/gu)?.length ?? 0) / chars.length;
}

/** Share of the characters that are digits, 0..1. */
export function digitShare(text: string): number {
  const chars = text.replace(/\s/g, '');
  if (chars.length === 0) return 0;
  return (chars.match(/\d/g)?.length ?? 0) / chars.length;
}
