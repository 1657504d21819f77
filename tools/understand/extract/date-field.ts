import { foldText } from '../normalize/text.ts';
import { datesInSpan } from './dates-in-span.ts';
import type { DocumentView } from './document-view.ts';
import { type FieldCandidate, ocrFactor, pickBest } from './field-candidate.ts';

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
      if (hit.isCompact && !isLabelled && !hit.hasTime) continue;
      // A date with a time beside it is the moment of the transaction (or a print stamp, nearly always
      // the same day): on receipts it is as telling as a label.
      const unlabelled = hit.hasTime ? 0.88 : Math.max(0.5, 0.85 - 0.08 * order);
      const base = isLabelled && !isOtherDate ? 0.93 : isOtherDate ? 0.35 : unlabelled;
      const ambiguity = (hit.isAmbiguous ? 0.7 : 1) * (hit.isRepaired ? 0.75 : 1);
      candidates.push({
        value: hit.value,
        words: hit.words,
        page: line.page,
        score: base * ambiguity * ocrFactor(hit.words),
        evidence: isLabelled ? 'date label' : hit.hasTime ? 'date and time' : `date #${order + 1}`,
      });
      order++;
    }
  }
  return pickBest(candidates);
}
