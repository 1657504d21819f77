import type { DocTypeScores, DocumentRow } from '../eval-report.ts';

/**
 * Document-type accuracy and confusion matrix over the documents with a labelled type. A document whose
 * extraction failed is counted as `other`, the type the pipeline gives what it cannot classify.
 */
export function scoreDocTypes(rows: readonly DocumentRow[]): DocTypeScores {
  const confusion: Record<string, Record<string, number>> = {};
  let labelled = 0;
  let correct = 0;
  for (const row of rows) {
    if (!row.expectedDocType) continue;
    const predicted = row.docType ?? 'other';
    labelled++;
    if (predicted === row.expectedDocType) correct++;
    const line = confusion[row.expectedDocType] ?? {};
    line[predicted] = (line[predicted] ?? 0) + 1;
    confusion[row.expectedDocType] = line;
  }
  return { accuracy: labelled === 0 ? null : correct / labelled, confusion };
}
