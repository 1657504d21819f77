import path from 'node:path';
import type { DocType } from '../tools/documents/types/index.ts';
import { extractAndRouteFile, type UnderstandingDeps } from '../tools/ops/extract-document.ts';
import type { EvalExtraction } from './evaluate-dataset.ts';

/** `low_confidence: total at 0.41, below 0.80` → `low_confidence`. */
function reasonCode(reason: string): string {
  return reason.split(':', 1)[0]!.trim();
}

/** One document through the whole understanding path, as the eval scores it, with why it would wait. */
export async function extractForEval(
  content: Uint8Array,
  file: string,
  docType: DocType | undefined,
  deps: UnderstandingDeps,
): Promise<EvalExtraction> {
  const { result, route } = await extractAndRouteFile(
    { filename: path.basename(file), content, docType },
    deps,
  );
  return {
    docType: result.docType,
    fields: result.fields,
    status: result.status,
    reasons: [...new Set(route.reasons.map(reasonCode))],
    timings: result.timings,
  };
}
