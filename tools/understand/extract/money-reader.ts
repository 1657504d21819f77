import type { ValueReader } from './labelled-values.ts';
import { moneyInSpan } from './money-in-span.ts';

/**
 * Reads the amount right of a label. Only amounts with decimals or a currency mark count: a bare integer
 * next to "Total" is a count ("Total spots 14"). When some amounts carry a currency mark and others do not
 * ("Totals 0.00 101 $97,700.00"), the marked ones are money and the others ratings or quantities.
 */
export const readMoney: ValueReader<string> = (words) => {
  const amounts = moneyInSpan(words).filter((a) => a.hasDecimals || a.hasCurrencyMark);
  const marked = amounts.filter((a) => a.hasCurrencyMark);
  const chosen = marked[0] ?? amounts[0];
  if (!chosen) return null;
  // One decimal digit ("12.9") is usually a cut-off read of two; prices rarely print that way.
  const isCut = /\d[.,]\d(?!\d)/.test(chosen.words[chosen.words.length - 1]!.text);
  const quality = (chosen.hasDecimals ? 1 : 0.8) * (chosen.wasRepaired ? 0.85 : 1) * (isCut ? 0.85 : 1);
  return { value: chosen.value, words: chosen.words, quality };
};
