import type { DocType } from '../tools/documents/types/index.ts';

/**
 * The shape of an eval report (`paperwork eval --json`, the HTML report, `paperwork calibrate` and the
 * `--baseline` gate all read it). Rates are 0..1 and are 0 when their denominator is 0, so a consumer never
 * meets NaN; `docTypes.accuracy` alone is null, when no document of the set has a labelled type.
 */

export type FieldMismatch = {
  field: string;
  expected: unknown;
  predicted?: unknown;
  confidence?: number;
  similarity: number;
};

/** One expected field of one document, as scored. */
export type ScoredField = {
  field: string;
  /** The engine's confidence, when it predicted the field. */
  confidence?: number;
  isMatch: boolean;
  /** Whether the engine gave a value at all: a wrong value is predicted, a missing one is not. */
  predicted: boolean;
};

export type DocumentRow = {
  file: string;
  expectedDocType?: DocType;
  docType?: DocType;
  error?: string;
  /** The routing verdict of the extraction: `auto_approved` or `needs_review`; absent when it threw. */
  status?: string;
  /** Route reason codes (`low_confidence`, a rule id, `over_limit`, …), once each. */
  reasons?: string[];
  /** Wall time of the extract call, failures included. */
  latencyMs: number;
  /** What the extraction spent on the LLM; 0 for the rules engine, absent when it threw. */
  costUsd?: number;
  correct: number;
  expected: number;
  mismatches: FieldMismatch[];
  /** Every expected field with its confidence and verdict, for the field scores and calibration. */
  scored: ScoredField[];
};

export type FieldStats = {
  field: string;
  expected: number;
  predicted: number;
  correct: number;
  /** correct ÷ predicted: a wrong value counts against it. */
  precision: number;
  /** correct ÷ expected: a wrong or missing value counts against it. */
  recall: number;
  f1: number;
  /** The same as recall; kept for reports and readers written before recall was. */
  accuracy: number;
  /** Mean fuzzy similarity of predicted to expected text (1 for a match, 0 for a missing value). */
  meanSimilarity: number;
};

export type BusinessRates = {
  documents: number;
  /** Documents the routing policy would have approved without a person. */
  autoApproved: number;
  /** autoApproved ÷ documents. */
  straightThroughRate: number;
  /** Auto-approved documents with at least one expected field wrong or missing. */
  falseAccepts: number;
  /** falseAccepts ÷ documents. */
  falseAcceptRate: number;
  /** falseAccepts ÷ autoApproved: how often a document that skipped review was wrong. */
  falseAcceptsPerAutoApproved: number;
};

export type ReliabilityBin = {
  lower: number;
  upper: number;
  count: number;
  /** Mean confidence of the fields in the bin; 0 when the bin is empty. */
  meanConfidence: number;
  /** Share of the fields in the bin that were right; 0 when the bin is empty. */
  accuracy: number;
};

export type Calibration = {
  /** Ten equal-width confidence bins over every predicted field that carried a confidence. */
  bins: ReliabilityBin[];
  /** Expected calibration error: Σ (n_b / N) · |accuracy_b − meanConfidence_b|. */
  ece: number;
};

export type DocTypeScores = {
  accuracy: number | null;
  /** Expected type → predicted type → documents, over documents with a labelled type. */
  confusion: Record<string, Record<string, number>>;
};

export type EvalReport = {
  dir: string;
  documents: number;
  errors: number;
  /** The same as docTypes.accuracy; kept for readers written before docTypes was. */
  docTypeAccuracy: number | null;
  fields: FieldStats[];
  business: BusinessRates;
  calibration: Calibration;
  docTypes: DocTypeScores;
  latency: { p50Ms: number; p95Ms: number };
  cost: { totalUsd: number; perDocumentUsd: number };
  rows: DocumentRow[];
};
