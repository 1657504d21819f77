import { createHash } from 'node:crypto';

/**
 * Whether a would-be auto-approved document goes to review anyway, so straight-through accuracy is
 * measured. Drawn from a hash of the document id rather than Math.random: uniform across documents, and the
 * same answer every time the extract stage runs for one document, so a retry cannot flip the route.
 */
export function isQaSampled(documentId: string, rate: number): boolean {
  if (rate <= 0) return false;
  if (rate >= 1) return true;
  const draw = createHash('sha256').update(`qa:${documentId}`).digest().readUInt32BE(0) / 2 ** 32;
  return draw < rate;
}
