/** Letters OCR reads in place of digits. */
const LOOKALIKES: Record<string, string> = {
  O: '0',
  o: '0',
  D: '0',
  Q: '0',
  l: '1',
  I: '1',
  '|': '1',
  i: '1',
  S: '5',
  s: '5',
  B: '8',
  Z: '2',
  z: '2',
};

/**
 * Maps look-alike letters to digits in a token that is otherwise numeric ("O5/11/2O18", "8O.9O"). A token
 * with more look-alikes than digits and no decimal or date separator is left alone: a word, not a number.
 */
export function repairDigitLookalikes(token: string): { text: string; wasRepaired: boolean } {
  const digits = token.match(/\d/g)?.length ?? 0;
  const letters = token.match(/[OoDQlIi|SsBZz]/g)?.length ?? 0;
  const others = token.replace(/[\dOoDQlIi|SsBZz.,/:\-\s$()]/g, '').length;
  // A separator ("O.O2", "O5/11") shapes the token as a number even when most of its digits were misread.
  const isShapedLikeNumber = /[\dOoDQlIi|SsBZz][.,/:][\dOoDQlIi|SsBZz]/.test(token);
  if (digits === 0 || letters === 0 || others > 0 || (letters > digits && !isShapedLikeNumber)) {
    return { text: token, wasRepaired: false };
  }
  return { text: token.replace(/[OoDQlIi|SsBZz]/g, (ch) => LOOKALIKES[ch] ?? ch), wasRepaired: true };
}
