import type { Word } from '../../documents/page.ts';
import type { TextLine } from '../layout/text-line.ts';
import { moneyToCents } from '../normalize/money.ts';
import { repairLabelWords } from '../normalize/ocr-label.ts';
import { foldText } from '../normalize/text.ts';
import type { DocumentView } from './document-view.ts';
import { type MoneyInSpan, moneyInSpan } from './money-in-span.ts';

const PAID =
  /\b(cash|tender\w*|payment|paid|pay|visa|master\w*|card|credit|debit|received|amount\s*received)\b/;
const CHANGE = /\b(change|baki|balance)\b/;
/** Lines that say "total" state the bill, not what was handed over (though "Cash total" is rare). */
const BILL = /\b(total|sub\s*total|rounding|gst|tax|summary)\b/;

/** What the payment lines say the total was, and the words that say it. */
export type PaymentEvidence = {
  cents: number;
  /**
   * 'cash-change': tendered minus a non-zero change, two printed numbers agreeing; 'paid': an exact
   * payment (no change line, or a change of zero), as likely to be misread as the total itself.
   */
  kind: 'cash-change' | 'paid';
  words: Word[];
  page: number;
};

/**
 * The payment line's amount: the last one with decimals (a stray "1" after "30.50" is a mark), else one
 * whose decimal point OCR read as a space ("101 00"), else the last number (change printed as "40").
 */
function lastAmount(line: TextLine): MoneyInSpan | undefined {
  const amounts = moneyInSpan(line.words);
  return amounts.filter((a) => a.hasDecimals).at(-1) ?? pointAsSpace(line) ?? amounts.at(-1);
}

/** "101" "00" at the end of a line, less than a character height apart: an amount whose point OCR lost. */
function pointAsSpace(line: TextLine): MoneyInSpan | undefined {
  const [left, right] = line.words.slice(-2);
  if (!left || !right || !/^\d{1,6}$/.test(left.text) || !/^\d{2}$/.test(right.text)) return undefined;
  const heightPx = Math.max(left.bbox[3] - left.bbox[1], right.bbox[3] - right.bbox[1]) * line.pageHeight;
  if ((right.bbox[0] - left.bbox[2]) * line.pageWidth > heightPx) return undefined;
  const joined = moneyInSpan([{ ...left, text: `${left.text}.${right.text}` }])[0];
  return joined && { ...joined, words: [left, right] };
}

function labelOf(line: TextLine): string {
  return foldText(repairLabelWords(line.text));
}

/**
 * Change printed without its decimal point ("CHANGE 40" for 0.40) is as likely as a whole amount, so
 * both readings are tried when there are no decimals.
 */
function changeReadings(amount: MoneyInSpan): number[] {
  const cents = Math.abs(moneyToCents(amount.value));
  return amount.hasDecimals || cents >= 10000 ? [cents] : [cents, cents / 100];
}

/**
 * Pairs each change line with the tender line just above it (cash, card, "received"), not with the
 * first "cash" on the receipt: a slip may print "Cash 71.00" then "Cash received 101.00 / Change 30.00".
 * Without any change line, each payment line is an exact payment. Signs are dropped: OCR reads a dash
 * before "51.00" as often as not.
 */
export function findPaymentEvidence(view: DocumentView): PaymentEvidence[] {
  const lines = view.lines;
  const evidence: PaymentEvidence[] = [];
  let sawChange = false;
  lines.forEach((line, i) => {
    const label = labelOf(line);
    if (!CHANGE.test(label) || BILL.test(label)) return;
    sawChange = true;
    const change = lastAmount(line);
    if (!change) return;
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
      const tender = lines[j]!;
      const tenderLabel = labelOf(tender);
      if (!PAID.test(tenderLabel) || BILL.test(tenderLabel) || tender.page !== line.page) continue;
      const paid = lastAmount(tender);
      if (!paid?.hasDecimals) continue;
      const paidCents = Math.abs(moneyToCents(paid.value));
      for (const changeCents of changeReadings(change)) {
        if (paidCents > changeCents) {
          evidence.push({
            cents: paidCents - changeCents,
            kind: changeCents > 0 ? 'cash-change' : 'paid',
            words: [...paid.words, ...change.words],
            page: line.page,
          });
        }
      }
      break;
    }
  });
  if (sawChange) return evidence;
  for (const line of lines) {
    const label = labelOf(line);
    if (!PAID.test(label) || BILL.test(label)) continue;
    const paid = lastAmount(line);
    if (paid?.hasDecimals && moneyToCents(paid.value) !== 0) {
      evidence.push({
        cents: Math.abs(moneyToCents(paid.value)),
        kind: 'paid',
        words: paid.words,
        page: line.page,
      });
    }
  }
  return evidence;
}
