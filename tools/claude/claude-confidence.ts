/** Models state higher certainty than they earn; their own number is capped before it is combined. */
const MODEL_CAP = 0.95;
/** By how the quote was found: as printed, after folding OCR look-alikes, or not at all. */
const QUOTE_FACTOR = { exact: 1, repaired: 0.9, missing: 0.5 } as const;
/** A value that does not fit its field's format (money, date, TIN …). */
const BAD_FORMAT_FACTOR = 0.6;

export type ConfidenceEvidence = {
  /** The model's own confidence for the field, 0..1 (0.5 when it gave none). */
  model: number;
  quote: keyof typeof QUOTE_FACTOR;
  /** The rules engine's reading of the same field, when it has one. */
  rules?: { agrees: boolean; confidence: number };
  isValidFormat: boolean;
};

/**
 * c = min(model, 0.95) × quote factor (1 exact, 0.9 look-alikes folded, 0.5 not on the page)
 *     × 0.6 when the value does not fit its format;
 * then, when the rules engine read the field too: agreeing → 1 − (1 − c)(1 − r) (two independent readers
 * that agree are rarely both wrong); disagreeing → c × (1 − r / 2) (the surer the rules, the bigger the cut).
 * Capped at 0.99. An uncalibrated starting point: `paperwork eval --engine claude` measures it.
 */
export function claudeConfidence(evidence: ConfidenceEvidence): number {
  const model = Number.isFinite(evidence.model) ? Math.min(Math.max(evidence.model, 0), 1) : 0.5;
  let c = Math.min(model, MODEL_CAP) * QUOTE_FACTOR[evidence.quote];
  if (!evidence.isValidFormat) c *= BAD_FORMAT_FACTOR;
  if (evidence.rules) {
    const r = evidence.rules.confidence;
    c = evidence.rules.agrees ? 1 - (1 - c) * (1 - r) : c * (1 - r / 2);
  }
  return Math.round(Math.min(c, 0.99) * 1000) / 1000;
}
