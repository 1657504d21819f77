import type { LabelMatch } from '../layout/find-label.ts';
import { moneyToCents } from '../normalize/money.ts';
import { foldText } from '../normalize/text.ts';
import type { DocumentView } from './document-view.ts';
import { type FieldCandidate, pickBest } from './field-candidate.ts';
import { findLabelledValues } from './labelled-values.ts';
import { readMoney } from './money-reader.ts';
import { moneyInSpan } from './spans.ts';

const TOTAL_LABEL =
  /(grand\s*total|total|amount\s*(due|payable)|jumlah|nett?\s*amount|balance\s*due|amt\s*due|rounding(?!\s*adj)|(amt|amount)\s*paid)/i;
const ROUNDING = /\bround(ing|ed)?\b/;
/** Totals that are not the amount paid: before tax or discount, counts, the tax itself. */
const NOT_THE_TOTAL =
  /\b(sub\s*-?\s*total|subtotal|total\s*(qty|quantity|items?|item\s*s|pcs|units?|(gst|tax|sst|vat)(?!\s*incl)|disc\w*|saving\w*|excl\w*|exclusive|before|points?|weight|no)|excl\w*|exclusive|total\s*sales?\s*\(?\s*excl\w*|before\s*(gst|tax)|includes?\s*\d*\s*%?\s*(gst|tax))/;
const STRONG_TOTAL =
  /\b((amt|amount)\s*paid\s*incl\w*|total\s*\(?\s*(gst|tax)\s*incl\w*|grand\s*total|total\s*(amount|amt|payable|due|rounded|round\w*|incl\w*|inclusive|after\w*|sales?\s*\(?\s*incl\w*)|round(ed|ing)?\s*total|nett?\s*total|total\s*\(?\s*incl\w*|amount\s*(due|payable)|total\s*rm|total\s*myr|jumlah)\b/;
const PAID = /\b(cash|tender\w*|payment|paid|visa|master\w*|card|credit|debit)\b/;
const CHANGE = /\b(change|baki|balance)\b/;

function weightOf(match: LabelMatch): number {
  const folded = foldText(match.line.text);
  const before = foldText(
    match.line.words
      .slice(0, match.start)
      .map((w) => w.text)
      .join(' '),
  );
  // "GST 6% included in total", "tax on total": the amount is the tax, not the total.
  if (/\b(gst|sst|tax|vat|included|includes?|in)\s*$|\b(gst|sst|tax|vat)\b/.test(before)) return 0;
  if (NOT_THE_TOTAL.test(folded) && !STRONG_TOTAL.test(folded.replace(NOT_THE_TOTAL, ''))) return 0;
  if (STRONG_TOTAL.test(folded)) return 0.88;
  if (/^round/i.test(match.text)) return 0.6;
  return 0.75;
}

/** The single amount on the first line matching `pattern`, for cash − change. */
function amountOn(view: DocumentView, pattern: RegExp): number | null {
  for (const line of view.lines) {
    if (!pattern.test(foldText(line.text)) || TOTAL_LABEL.test(line.text)) continue;
    const amounts = moneyInSpan(line.words).filter((a) => a.hasDecimals);
    const last = amounts[amounts.length - 1];
    if (last) return moneyToCents(last.value);
  }
  return null;
}

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
 * total actually paid (the unrounded total is printed above the rounding line, the rounded one below): raise it and lower the unrounded one.
 * Adjustments print unsigned as often as signed, so only the size is compared.
 */
function applyRoundingAdjustment(view: DocumentView, candidates: FieldCandidate[]): void {
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
 * A receipt's total paid. Candidates come from total labels (weighted: "grand total", "total incl. GST",
 * "rounded total" beat a bare "total"; "subtotal", "total qty", "total GST" are not totals); later and larger
 * amounts win ties, since the rounded total is printed last. Cash − change agreeing with a candidate
 * confirms it; when no label is found, a cash − change that matches a printed amount is used.
 */
export function findReceiptTotal(view: DocumentView): FieldCandidate | null {
  const raw = findLabelledValues(view.lines, [{ pattern: TOTAL_LABEL, weight: weightOf }], readMoney, {
    rightScope: 'line',
    belowFactor: 0.8,
  });
  // Lower on the page is a little more likely to be the final (rounded) total.
  const candidates = raw
    // A "rounding" label with a small amount is the adjustment itself, not the rounded total.
    .filter((c) => moneyToCents(c.value) > 0 && !(/^round/i.test(c.evidence) && moneyToCents(c.value) < 100))
    .map((c) => ({ ...c, score: c.score + (c.labelY ?? 0) * 0.04 }));
  const paid = amountOn(view, PAID);
  const change = amountOn(view, CHANGE);
  // No change line: the customer paid the exact amount (or by card), so paid is the total.
  const expected = paid !== null && paid > (change ?? 0) ? paid - (change ?? 0) : null;
  applyRoundingAdjustment(view, candidates);
  if (expected !== null) {
    for (const c of candidates) {
      if (moneyToCents(c.value) === expected) c.score = c.score + (1 - c.score) * 0.6;
    }
  }
  if (candidates.length === 0 && expected !== null) {
    for (const line of view.lines) {
      for (const amount of moneyInSpan(line.words)) {
        if (amount.hasDecimals && moneyToCents(amount.value) === expected) {
          candidates.push({
            value: amount.value,
            words: amount.words,
            page: line.page,
            score: 0.6,
            evidence: 'cash − change',
          });
        }
      }
    }
  }
  return pickBest(candidates);
}
