/** Invoice, order and contract numbers as printed → a clean identifier. */

const LOOKALIKE_DIGITS: Record<string, string> = { O: '0', o: '0', l: '1', I: '1', '|': '1' };

/**
 * Trims labels' leftovers and punctuation around an identifier ("#: INV-001.", "No. 4711") and, in each
 * dash- or slash-separated part that has a digit and otherwise only look-alike letters, maps those letters
 * to digits ("1O23" → "1023"). Letters that are clearly part of the id ("INV-0012", "TV0180164") are kept.
 */
export function normalizeIdentifier(printed: string): string | null {
  let text = printed.trim().replace(/\s+/g, ' ');
  text = text.replace(/^(?:no\.?|nr\.?|number|num\.?|#|:)\s*/i, '').replace(/^[#:.\s]+/, '');
  text = text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N})\]]+$/gu, '');
  if (text === '') return null;
  // Repair per segment: "INV-2O24-OlO7" keeps its "INV" and gets its digits back.
  text = text
    .split(/([-/.\s])/)
    .map((segment) =>
      /\d/.test(segment) && /^[\dOolI|]+$/.test(segment)
        ? segment.replace(/[OolI|]/g, (ch) => LOOKALIKE_DIGITS[ch] ?? ch)
        : segment,
    )
    .join('');
  return /[\p{L}\p{N}]/u.test(text) ? text : null;
}

/** Whether a token looks like an identifier at all: has a digit and is not a date, money or phone number. */
export function isIdentifierLike(text: string): boolean {
  const t = text.trim();
  if (!/\d/.test(t) || t.length > 30) return false;
  if (/^\$|^\d{1,3}(,\d{3})*\.\d{2}$/.test(t)) return false;
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(t)) return false;
  if (/^\(?\d{3}\)?[\s.-]?\d{3}-\d{4}$/.test(t)) return false;
  return true;
}
