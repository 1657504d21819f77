import { foldText } from '../normalize/text.ts';
import type { DocumentView } from './document-view.ts';
import { type FieldCandidate, ocrFactor, pickBest } from './field-candidate.ts';
import { datesInSpan } from './spans.ts';

/**
 * The document's issue date: a date on a line that says "date" (not due, print, delivery or expiry) beats
 * the first date printed. An ambiguous day/month reading the evidence could not settle costs confidence.
 */
export function findIssueDate(
  view: DocumentView,
  labelPattern = /\b(date|dated|tarikh)\b/,
): FieldCandidate | null {
  const candidates: FieldCandidate[] = [];
  let order = 0;
  for (const line of view.lines) {
    const folded = foldText(line.text);
    const isLabelled = labelPattern.test(folded);
    const isOtherDate = /\b(due|print(ed)?|delivery|expir\w*|valid|birth|ship\w*|start|end|flight)\b/.test(
      folded,
    );
    for (const hit of datesInSpan(line.words, view.dateOrder)) {
      const base =
        isLabelled && !isOtherDate ? 0.93 : isOtherDate ? 0.35 : Math.max(0.5, 0.85 - 0.08 * order);
      const ambiguity = hit.isAmbiguous ? 0.7 : 1;
      candidates.push({
        value: hit.value,
        words: hit.words,
        page: line.page,
        score: base * ambiguity * ocrFactor(hit.words),
        evidence: isLabelled ? 'date label' : `date #${order + 1}`,
      });
      order++;
    }
  }
  return pickBest(candidates);
}
