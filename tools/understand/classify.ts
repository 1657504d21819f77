import type { Page } from '../documents/page.ts';
import type { DocType } from '../documents/types/index.ts';
import { foldText } from './normalize/text.ts';

type Evidence = { pattern: RegExp; weight: number };

/**
 * Keyword evidence per type, on folded text. Weights are log-odds-like: a form's own title is decisive,
 * a word that many types share ("total", "date") is not listed at all.
 */
const EVIDENCE: Record<Exclude<DocType, 'other'>, Evidence[]> = {
  w9: [
    { pattern: /\bform w 9\b|\bw 9\b/, weight: 4 },
    { pattern: /request for taxpayer identification number/, weight: 6 },
    { pattern: /\bcertification\b/, weight: 1 },
    { pattern: /federal tax classification/, weight: 3 },
    // Part II and line 4 of the form, printed on substitute forms too; no other type says them.
    { pattern: /under penalties of perjury/, weight: 2 },
    { pattern: /\bexempt payee code\b|\bdisregarded entity\b/, weight: 2 },
  ],
  form_1099_nec: [
    { pattern: /\b1099 nec\b|\b1099nec\b/, weight: 6 },
    { pattern: /nonemployee compensation/, weight: 5 },
    { pattern: /\bpayer s tin\b|\bpayers tin\b/, weight: 2 },
    { pattern: /\brecipient s tin\b|\brecipients tin\b/, weight: 2 },
    { pattern: /\bpayer s name\b|\bpayers name\b|\bfor calendar year\b/, weight: 2 },
  ],
  bank_statement: [
    { pattern: /statement period|statement date/, weight: 3 },
    { pattern: /opening balance|beginning balance|balance brought forward/, weight: 3 },
    { pattern: /closing balance|ending balance/, weight: 3 },
    { pattern: /\baccount (number|no)\b/, weight: 1 },
    { pattern: /\bdeposits?\b|\bwithdrawals?\b/, weight: 1.5 },
  ],
  invoice: [
    { pattern: /\binvoice\b/, weight: 2.5 },
    { pattern: /\bbill(ed)? to\b|\bsold to\b/, weight: 2 },
    { pattern: /\b(due date|payment terms|terms net|net \d+)\b/, weight: 1.5 },
    { pattern: /\b(contract|order)\b/, weight: 1.5 },
    { pattern: /\badvertiser\b/, weight: 2.5 },
    { pattern: /\bgross (amount|total)\b/, weight: 2 },
    { pattern: /\bflight (dates?|start)?\b/, weight: 2 },
    { pattern: /\bagency commission\b/, weight: 1.5 },
    { pattern: /\b(purchase order|po number|remit to)\b/, weight: 1 },
  ],
  receipt: [
    { pattern: /\breceipt\b|\bresit\b/, weight: 2.5 },
    { pattern: /\bcash\b/, weight: 1.5 },
    { pattern: /\bchange\b/, weight: 1.5 },
    { pattern: /\b(gst|sst)\b/, weight: 1 },
    { pattern: /\bthank you\b|\bcome again\b/, weight: 2 },
    { pattern: /\bcashier\b|\bcounter\b|\btable\b|\bpax\b/, weight: 2 },
    { pattern: /\b(rounding|round adj\w*|rounded)\b/, weight: 1.5 },
    { pattern: /\btotal qty\b|\bqty\b/, weight: 0.5 },
    { pattern: /\bsdn bhd\b/, weight: 1 },
    { pattern: /\bsimplified tax invoice\b/, weight: 2 },
    // Malaysian and Singaporean till slips print "tax invoice" and a GST id; B2B invoices rarely say "cash".
    { pattern: /\btax invoice\b/, weight: 1 },
    { pattern: /\bgst (id|reg\w*)\b/, weight: 1 },
  ],
};

/** Below this much evidence nothing is claimed: the document is `other`. */
const MIN_SCORE = 2;

/**
 * Classifies from keyword evidence. Each type sums the weights of the patterns present; the best type wins
 * with a confidence from a softmax over the scores, so a clear margin reads as near-certain and a close call
 * as unsure.
 */
export function classifyDocument(pages: readonly Page[]): { docType: DocType; confidence: number } {
  const text = foldText(pages.flatMap((p) => p.words.map((w) => w.text)).join(' '));
  const scores = Object.entries(EVIDENCE).map(([type, evidence]) => ({
    type: type as DocType,
    score: evidence.reduce((sum, e) => sum + (e.pattern.test(text) ? e.weight : 0), 0),
  }));
  // A till slip is a long narrow strip; invoices, forms and statements are letter or A4 pages.
  const first = pages[0];
  if (first && first.height / first.width > 1.8) {
    const receipt = scores.find((s) => s.type === 'receipt');
    if (receipt) receipt.score += 1.5;
  }
  scores.sort((a, b) => b.score - a.score);
  const best = scores[0]!;
  if (best.score < MIN_SCORE) {
    return {
      docType: 'other',
      confidence: Math.round((0.5 + (MIN_SCORE - best.score) / (2 * MIN_SCORE)) * 100) / 100,
    };
  }
  const total =
    scores.reduce((sum, s) => sum + Math.exp(s.score - best.score), 0) + Math.exp(MIN_SCORE - best.score);
  const confidence = Math.min(0.99, 1 / total);
  return { docType: best.type, confidence: Math.round(confidence * 100) / 100 };
}
