import type { Word } from '../../documents/page.ts';
import { moneyToCents } from '../normalize/money.ts';
import { repairLabelWords } from '../normalize/ocr-label.ts';
import { foldText } from '../normalize/text.ts';
import type { DocumentView } from './document-view.ts';
import { moneyInSpan } from './money-in-span.ts';

const SUBTOTAL = /\bsub\s*-?\s*total\b/;
/** Charges added to the subtotal; a tax only when it is added, not "included" or a registration number. */
const ADDED = /\b(service|svc|gst|sst|tax|vat|round\w*)\b/;
const NOT_ADDED = /\b(incl\w*|summary|excl\w*|id|reg\w*|no|code|total|invoice)\b/;
const DISCOUNT = /\b(disc\w*|less|voucher)\b/;

/** What the lines under a subtotal add up to, and the amounts that say so. */
export type ChargesSum = { cents: number; words: Word[]; page: number };

/**
 * The subtotal plus the charges printed under it (service charge, tax, rounding) minus discounts, up
 * to the next total line: what the total must be. Only when at least one non-zero charge was read, since
 * a subtotal alone is as often before a tax that is included elsewhere (or that OCR garbled: "6ST").
 */
export function sumCharges(view: DocumentView): ChargesSum | null {
  const start = view.lines.findIndex((line) => SUBTOTAL.test(labelOf(line.text)));
  if (start < 0) return null;
  const subtotal = moneyInSpan(view.lines[start]!.words)
    .filter((a) => a.hasDecimals)
    .at(-1);
  if (!subtotal) return null;
  let cents = moneyToCents(subtotal.value);
  const words = [...subtotal.words];
  let charges = 0;
  for (const line of view.lines.slice(start + 1, start + 8)) {
    const label = labelOf(line.text);
    if (line.page !== view.lines[start]!.page || /\btotal\b/.test(label)) break;
    const isDiscount = DISCOUNT.test(label);
    if (!isDiscount && (!ADDED.test(label) || NOT_ADDED.test(label))) continue;
    const amount = moneyInSpan(line.words)
      .filter((a) => a.hasDecimals)
      .at(-1);
    if (!amount) return null;
    const value = moneyToCents(amount.value);
    // A rounding adjustment keeps its printed sign; a discount is taken off whatever its sign.
    cents += isDiscount ? -Math.abs(value) : /\bround/.test(label) ? value : Math.abs(value);
    words.push(...amount.words);
    // Zero lines ("DISC 0.00", "ROUNDING 0.00") confirm nothing: a tax line OCR garbled may be missing.
    if (value !== 0) charges++;
  }
  return charges > 0 ? { cents, words, page: view.lines[start]!.page } : null;
}

function labelOf(text: string): string {
  return foldText(repairLabelWords(text));
}
