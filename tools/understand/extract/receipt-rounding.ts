import { moneyToCents } from '../normalize/money.ts';
import { foldText } from '../normalize/text.ts';
import type { DocumentView } from './document-view.ts';
import type { FieldCandidate } from './field-candidate.ts';
import { moneyInSpan } from './money-in-span.ts';

const ROUNDING = /\bround(ing|ed)?\b/;

/** The small adjustments printed on rounding lines ("ROUNDING ADJ -0.02"), in cents. */
function roundingAdjustments(view: DocumentView): { cents: number; y: number }[] {
  const found: { cents: number; y: number }[] = [];
  for (const line of view.lines) {
    if (!ROUNDING.test(foldText(line.text))) continue;
    for (const amount of moneyInSpan(line.words)) {
      const cents = moneyToCents(amount.value);
      if (cents !== 0 && Math.abs(cents) < 10) found.push({ cents, y: line.bbox[1] });
    }
  }
  return found;
}

/**
 * When a total plus a printed rounding adjustment equals another candidate, that other one is the rounded
 * total actually paid (the unrounded total is printed above the rounding line, the rounded one below):
 * raise it and lower the unrounded one. Adjustments print unsigned as often as signed, so only the size
 * is compared.
 */
export function applyRoundingAdjustment(view: DocumentView, candidates: FieldCandidate[]): void {
  const adjustments = roundingAdjustments(view);
  const rounded = new Set<FieldCandidate>();
  for (const adjustment of adjustments) {
    for (const before of candidates) {
      for (const after of candidates) {
        const diff = moneyToCents(after.value) - moneyToCents(before.value);
        const isAround = (before.labelY ?? 0) < adjustment.y && (after.labelY ?? 0) > adjustment.y;
        if (diff !== 0 && Math.abs(diff) === Math.abs(adjustment.cents) && isAround) {
          rounded.add(after);
          before.score *= 0.7;
        }
      }
    }
  }
  for (const c of rounded) c.score = c.score + (1 - c.score) * 0.5;
}

/**
 * Two totals a few cents apart, the lower one printed a multiple of five cents and the upper one not,
 * are the total before and after cash rounding, even when OCR lost the adjustment line between them:
 * the rounded one is what was paid.
 */
export function preferRoundedTotal(candidates: FieldCandidate[]): void {
  for (const upper of candidates) {
    for (const lower of candidates) {
      const diff = Math.abs(moneyToCents(upper.value) - moneyToCents(lower.value));
      const isRounding = moneyToCents(lower.value) % 5 === 0 && moneyToCents(upper.value) % 5 !== 0;
      if (diff > 0 && diff < 5 && isRounding && (upper.labelY ?? 0) < (lower.labelY ?? 0)) {
        upper.score *= 0.6;
      }
    }
  }
}
