import { findLabel, type LabelMatch } from '../layout/find-label.ts';
import { centsToMoney, moneyToCents } from '../normalize/money.ts';
import { ocrWordPattern, repairLabelWords } from '../normalize/ocr-label.ts';
import { foldText } from '../normalize/text.ts';
import type { DocumentView } from './document-view.ts';
import { type FieldCandidate, pickBest } from './field-candidate.ts';
import { findLabelledValues } from './labelled-values.ts';
import { moneyInSpan } from './money-in-span.ts';
import { readMoney } from './money-reader.ts';
import { type ChargesSum, sumCharges } from './receipt-charges.ts';
import { findPaymentEvidence, type PaymentEvidence } from './receipt-payment.ts';
import { applyRoundingAdjustment, preferRoundedTotal } from './receipt-rounding.ts';

const TOTAL = ocrWordPattern('total');
const TOTAL_LABEL = new RegExp(
  `(grand\\s*${TOTAL}|${TOTAL}|amount\\s*(due|payable)|jumlah|nett?\\s*amount|balance\\s*due|amt\\s*due|${ocrWordPattern('rounding')}(?!\\s*adj)|(amt|amount)\\s*paid)`,
  'i',
);
/** Totals that are not the amount paid: before tax or discount, counts, the tax itself, partial sums. */
const NOT_THE_TOTAL =
  /\b(sub\s*-?\s*total|subtotal|total\s*(qty|quantity|items?|item\s*s|pcs|units?|(gst|tax|sst|vat)(?!\s*incl)|disc\w*|saving\w*|excl\w*|exclusive|before|points?|weight|no)|excl\w*|exclusive|supplies|total\s*sales?\s*\(?\s*excl\w*|before\s*(gst|tax)|includes?\s*\d*\s*%?\s*(gst|tax))/;
const STRONG_TOTAL =
  /\b((amt|amount)\s*paid\s*incl\w*|total\s*\(?\s*(gst|tax)\s*incl\w*|grand\s*total|total\s*(amount|amt|payable|due|rounded|round\w*|incl\w*|inclusive|after\w*|sales?\s*\(?\s*incl\w*)|round(ed|ing)?\s*total|nett?\s*total|final\s*total|total\s*\(?\s*incl\w*|amount\s*(due|payable)|total\s*rm|total\s*myr|jumlah)\b/;

function weightOf(match: LabelMatch): number {
  const folded = foldText(repairLabelWords(match.line.text));
  const before = foldText(
    repairLabelWords(
      match.line.words
        .slice(0, match.start)
        .map((w) => w.text)
        .join(' '),
    ),
  );
  // "GST 6% included in total", "tax on total": the amount is the tax, not the total.
  if (/\b(gst|sst|tax|vat|included|includes?|in)\s*$|\b(gst|sst|tax|vat)\b/.test(before)) return 0;
  if (NOT_THE_TOTAL.test(folded) && !STRONG_TOTAL.test(folded.replace(NOT_THE_TOTAL, ''))) return 0;
  if (STRONG_TOTAL.test(folded)) return 0.88;
  if (/^round/i.test(repairLabelWords(match.text))) return 0.6;
  return 0.75;
}

/** Two amounts that differ in one digit only: one of them is an OCR misreading of the other. */
function differsByOneDigit(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let differences = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (!/\d/.test(a[i]!) || !/\d/.test(b[i]!)) return false;
    differences++;
  }
  return differences === 1;
}

/** Cash is rounded to five cents: a payment this close to a total is that total, rounded. */
const ROUNDING_CENTS = 5;

/** Two total lines printing the same amount ("Total 5.00", "Total after rounding 5.00") outvote one payment. */
function isConfirmedByAnotherLine(best: FieldCandidate, candidates: FieldCandidate[]): boolean {
  return candidates.some((c) => c.value === best.value && !c.words.some((w) => best.words.includes(w)));
}

/**
 * Payment lines are independent evidence: a candidate equal to tendered − change (or to an exact payment)
 * is confirmed, and the others lose weight. When none equals tendered − change but one differs from it in a
 * single digit, that candidate was misread (two printed numbers agree against one): its value is corrected
 * and its source stays where the total is printed.
 */
function applyPaymentEvidence(candidates: FieldCandidate[], evidence: PaymentEvidence[]): void {
  const agreeing = (c: FieldCandidate) => evidence.find((e) => e.cents === moneyToCents(c.value));
  const best = candidates.reduce<FieldCandidate | null>((a, c) => (a && a.score >= c.score ? a : c), null);
  if (best && !candidates.some(agreeing) && !isConfirmedByAnotherLine(best, candidates)) {
    for (const e of evidence.filter((x) => x.kind === 'cash-change')) {
      const expected = centsToMoney(e.cents);
      // Only the best-labelled total is corrected: a summary's "Total" one digit off is another number.
      // A few cents apart is cash rounding (the payment is rounded, the printed total is not).
      const cents = Math.abs(e.cents - moneyToCents(best.value));
      if (!differsByOneDigit(best.value, expected) || cents < ROUNDING_CENTS) continue;
      for (const c of candidates.filter((m) => m.value === best.value)) {
        c.value = expected;
        c.score *= 0.85;
        c.evidence = `${c.evidence}, digit corrected by cash − change`;
      }
      break;
    }
  }
  for (const c of candidates) {
    const match = agreeing(c);
    if (match) c.score += (1 - c.score) * (match.kind === 'cash-change' ? 0.75 : 0.5);
    else if (evidence.length > 0) c.score *= 0.8;
  }
}

/** Without a readable total label, an amount printed elsewhere that equals what was paid, or the payment. */
function fallbackFromPayment(view: DocumentView, evidence: PaymentEvidence[]): FieldCandidate[] {
  const found: FieldCandidate[] = [];
  for (const e of evidence) {
    for (const line of view.lines) {
      for (const amount of moneyInSpan(line.words)) {
        if (
          amount.hasDecimals &&
          moneyToCents(amount.value) === e.cents &&
          !amount.words.some((w) => e.words.includes(w))
        ) {
          found.push({
            value: amount.value,
            words: amount.words,
            page: line.page,
            score: 0.7,
            evidence: 'equals payment',
          });
        }
      }
    }
  }
  if (found.length > 0) return found;
  return evidence
    .filter((e) => e.kind === 'cash-change')
    .map((e) => ({
      value: centsToMoney(e.cents),
      words: e.words,
      page: e.page,
      score: 0.55,
      evidence: 'cash − change',
    }));
}

/** A total equal to the subtotal plus the charges under it is confirmed by two or more printed numbers. */
function applyChargesSum(candidates: FieldCandidate[], charges: ChargesSum | null): void {
  if (!charges) return;
  for (const c of candidates) {
    if (moneyToCents(c.value) === charges.cents) c.score += (1 - c.score) * 0.5;
  }
}

/** Without a readable total or payment, the sum of the subtotal and its charges, at a modest score. */
function chargesCandidate(charges: ChargesSum): FieldCandidate {
  return {
    value: centsToMoney(charges.cents),
    words: charges.words,
    page: charges.page,
    score: 0.5,
    evidence: 'subtotal + charges',
  };
}

/**
 * A tax summary printed after the payment repeats "Total" over the net amounts and the tax: totals under
 * its heading are rarely the amount paid.
 */
function lowerSummaryTotals(view: DocumentView, candidates: FieldCandidate[]): void {
  const heading = view.lines.find((l) => /\bsumm?a?ry\b/i.test(foldText(l.text)));
  if (!heading) return;
  for (const c of candidates) {
    if (c.page === heading.page && (c.labelY ?? 0) > heading.bbox[1]) c.score *= 0.6;
  }
}

/**
 * A total label whose amount OCR put on a line of its own just under it ("TOTAL INCL. GST" / "RM 71.90"):
 * the next line, when it holds nothing but an amount, is the label's value.
 */
function amountsOnNextLine(view: DocumentView): FieldCandidate[] {
  const found: FieldCandidate[] = [];
  for (const match of findLabel(view.lines, TOTAL_LABEL)) {
    const weight = weightOf(match);
    const next = view.lines[match.lineIndex + 1];
    if (weight === 0 || !next || next.page !== match.line.page) continue;
    if (moneyInSpan(match.line.words).some((a) => a.hasDecimals)) continue;
    const gapPx = (next.bbox[1] - match.line.bbox[3]) * next.pageHeight;
    const amounts = moneyInSpan(next.words).filter((a) => a.hasDecimals);
    const isOnlyAmount = amounts.length === 1 && amounts[0]!.words.length === next.words.length;
    if (gapPx > 1.5 * next.heightPx || !isOnlyAmount) continue;
    const amount = amounts[0]!;
    found.push({
      value: amount.value,
      words: amount.words,
      page: next.page,
      score: weight * 0.8,
      evidence: `${match.text} (next line)`,
      labelY: match.line.bbox[1],
    });
  }
  return found;
}

/**
 * A receipt's total paid. Candidates come from total labels, read through OCR damage ("1oTaL", "TOTA L"),
 * weighted ("grand total", "total incl. GST", "rounded total" beat a bare "total"; "subtotal", "total qty",
 * "total GST", "total 6% supplies" are not totals); lower on the page wins ties, since the rounded total
 * is printed last. What was paid (tendered − change) confirms, corrects or, with no label, supplies it.
 */
export function findReceiptTotal(view: DocumentView): FieldCandidate | null {
  const raw = findLabelledValues(view.lines, [{ pattern: TOTAL_LABEL, weight: weightOf }], readMoney, {
    rightScope: 'line',
    belowFactor: 0.8,
  });
  const candidates = [...raw, ...amountsOnNextLine(view)]
    // A "rounding" label with a small amount is the adjustment itself, not the rounded total.
    .filter(
      (c) =>
        moneyToCents(c.value) !== 0 &&
        !(/^round/i.test(repairLabelWords(c.evidence)) && Math.abs(moneyToCents(c.value)) < 100),
    )
    // A negative total is a refund: possible ("Total payable -1.73") but far rarer than a misread sign.
    .map((c) => ({
      ...c,
      score: (c.score + (c.labelY ?? 0) * 0.04) * (moneyToCents(c.value) < 0 ? 0.85 : 1),
    }));
  applyRoundingAdjustment(view, candidates);
  lowerSummaryTotals(view, candidates);
  preferRoundedTotal(candidates);
  const evidence = findPaymentEvidence(view);
  applyPaymentEvidence(candidates, evidence);
  const charges = sumCharges(view);
  applyChargesSum(candidates, charges);
  if (candidates.length > 0) return pickBest(candidates);
  const paid = fallbackFromPayment(view, evidence);
  return pickBest(paid.length > 0 || !charges ? paid : [chargesCandidate(charges)]);
}
