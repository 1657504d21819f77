import type { Config } from '../core/config.ts';
import type { ExtractedField, Finding } from '../documents/extraction-result.ts';
import type { Page } from '../documents/page.ts';
import type { DocType } from '../documents/types/index.ts';
import { routingPolicyOf } from '../review/route-document.ts';
import type { Queryable } from '../storage/db.ts';
import { insertLlmUsage } from '../storage/llm-usage-table.ts';
import { RULES_ENGINE_VERSION, understandDocument } from '../understand/understand-document.ts';
import { type ClaudeAnswer, type PreparedAsk, prepareClaudeAsk, sendClaudeAsk } from './ask-claude.ts';
import { type ClaudeClient, createClaudeClient } from './claude-client.ts';
import { schemaHash } from './extraction-tool.ts';
import { type LlmUsage, usageTimings } from './llm-usage.ts';
import { PROMPT_VERSION } from './prompt.ts';
import { type EngineName, resolveEngine } from './select-engine.ts';
import { isMaskedType, SENSITIVE_FIELDS } from './sensitive-fields.ts';
import { mergeAuto, weakFieldsOf } from './weak-fields.ts';

export type EngineOptions = {
  config: Config;
  /** rules | claude | auto; absent: the configured default (`defaultEngineOf`). */
  engine?: EngineName;
  docType?: DocType;
  /** With a database, the model's usage goes to the `llm_usage` ledger (for this document, when given). */
  db?: Queryable;
  documentId?: string;
  loadImage?: (pageNumber: number) => Promise<Uint8Array | undefined>;
  signal?: AbortSignal;
  /** Tests hand in a client; otherwise one is made from the configuration. */
  client?: ClaudeClient;
};

/** The understanding of a document by any engine: what `understandDocument` returns, plus engine findings. */
export type EngineExtraction = {
  docType: DocType;
  docTypeConfidence: number;
  fields: Record<string, ExtractedField>;
  engine: { name: EngineName; version: string };
  /** Findings of the engine itself (`quote_not_found`), listed before the validation rules' own. */
  findings: Finding[];
  timings: Record<string, number>;
  usage?: LlmUsage;
};

/**
 * Where an extraction stands before the model is asked: finished already (`rules`, `other`, or `auto` with
 * nothing weak), or a prepared request plus `complete`, which turns the model's answer into the extraction.
 * The synchronous call and the Message Batches API share it, so an answer reads the same either way.
 */
export type EnginePlan =
  | { kind: 'done'; extraction: EngineExtraction }
  | {
      kind: 'ask';
      engine: EngineName;
      prepared: PreparedAsk;
      complete(answer: ClaudeAnswer): EngineExtraction;
    };

/**
 * Classify and extract with the chosen engine. `rules` is the offline path. `claude` asks the model for the
 * whole document (the rules run too, for agreement and the classification). `auto` runs the rules, then asks
 * the model only for the fields below threshold, or for the whole document when the type is unsure, and
 * merges. The model's usage is written to the ledger as soon as it is spent.
 */
export async function extractWithEngine(
  pages: readonly Page[],
  options: EngineOptions,
): Promise<EngineExtraction> {
  const plan = await planEngineExtraction(pages, options);
  if (plan.kind === 'done') return plan.extraction;
  const answer = await sendClaudeAsk(plan.prepared, {
    client: options.client ?? createClaudeClient(options.config),
    signal: options.signal,
  });
  if (options.db) {
    await insertLlmUsage(options.db, {
      documentId: options.documentId,
      engine: plan.engine,
      usage: answer.usage,
    });
  }
  return plan.complete(answer);
}

/** Runs the rules and decides what, if anything, to ask the model (see `EnginePlan`); calls nothing remote. */
export async function planEngineExtraction(
  pages: readonly Page[],
  options: Omit<EngineOptions, 'db' | 'documentId' | 'client' | 'signal'>,
): Promise<EnginePlan> {
  const { config } = options;
  const engine = resolveEngine(config, options.engine);
  const rules = understandDocument(pages, { docType: options.docType });
  // A document declared `other` has no fields to ask for.
  if (engine === 'rules' || options.docType === 'other') {
    return { kind: 'done', extraction: { ...rules, findings: [] } };
  }

  const policy = routingPolicyOf(config);
  const isTypeUnsure =
    !options.docType && (rules.docTypeConfidence < policy.threshold || rules.docType === 'other');
  // A masked type's sensitive fields are never asked for: they stay the rules' (or are read by shape).
  const weak =
    engine === 'auto' && !isTypeUnsure
      ? weakFieldsOf(rules, policy)?.filter(
          (f) => !(isMaskedType(rules.docType, config) && SENSITIVE_FIELDS[rules.docType].includes(f)),
        )
      : undefined;
  const version = `prompt-${PROMPT_VERSION}/schema-${schemaHash()}/${config.PAPERWORK_MODEL}`;
  const name = engine;
  const engineVersion = engine === 'auto' ? `rules-${RULES_ENGINE_VERSION}/${version}` : version;
  if (weak && weak.length === 0) {
    return {
      kind: 'done',
      extraction: { ...rules, engine: { name, version: engineVersion }, findings: [] },
    };
  }

  const prepared = await prepareClaudeAsk(
    pages,
    { docType: isTypeUnsure ? undefined : rules.docType, fields: weak, rulesFields: rules.fields },
    { config, loadImage: options.loadImage },
  );
  const complete = (answer: ClaudeAnswer): EngineExtraction => {
    const docTypeConfidence = options.docType ? 1 : typeConfidence(rules, answer);
    const fields =
      engine === 'auto' && answer.docType === rules.docType
        ? mergeAuto(rules.fields, answer.fields)
        : answer.fields;
    return {
      docType: answer.docType,
      docTypeConfidence,
      fields,
      engine: { name, version: engineVersion },
      findings: answer.findings,
      timings: { ...rules.timings, claudeMs: answer.ms, ...usageTimings(answer.usage) },
      usage: answer.usage,
    };
  };
  return { kind: 'ask', engine, prepared, complete };
}

/**
 * The model agreeing with the rules' classification: 1 − (1 − r) × 0.1. Disagreeing: max(0.5, 0.9 − r / 2),
 * so a confident rules classifier the model overrules sends the document to review as type_unsure.
 */
function typeConfidence(
  rules: { docType: DocType; docTypeConfidence: number },
  answer: ClaudeAnswer,
): number {
  const r = rules.docTypeConfidence;
  const c = answer.docType === rules.docType ? 1 - (1 - r) * 0.1 : Math.max(0.5, 0.9 - r / 2);
  return Math.round(c * 1000) / 1000;
}
