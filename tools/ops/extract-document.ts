import { z } from 'zod';
import { type EngineOptions, extractWithEngine } from '../claude/extract-with-engine.ts';
import { ENGINE_NAMES, resolveEngine } from '../claude/select-engine.ts';
import { defineTool } from '../core/tool.ts';
import { type ExtractionResult, ExtractionResultSchema } from '../documents/extraction-result.ts';
import { DOC_TYPES, type DocType } from '../documents/types/index.ts';
import type { OcrPool } from '../read/ocr-pool.ts';
import { readDocument } from '../read/read-document.ts';
import { type ReadLimits, readLimitsFromConfig } from '../read/read-limits.ts';
import { inspectUpload } from '../read/sniff-file.ts';
import { emptyRuleContext } from '../review/gather-rule-context.ts';
import { type Route, type RoutingPolicy, routeDocument, routingPolicyOf } from '../review/route-document.ts';
import { understandDocument } from '../understand/understand-document.ts';
import { validateExtraction } from '../validate/validate-extraction.ts';

export type UnderstandingDeps = {
  ocr: OcrPool;
  limits: ReadLimits;
  policy: RoutingPolicy;
  signal?: AbortSignal;
  /** The engine and its configuration; absent: the offline rules engine. */
  engine?: Omit<EngineOptions, 'docType' | 'signal'>;
};

type FileInput = { filename: string; content: Uint8Array; docType?: DocType };

/**
 * The whole understanding path in process, nothing stored: read → classify → extract → validate → route.
 * With no database there is no vendor master and no history, so duplicate and vendor rules stay silent.
 */
export async function extractFile(input: FileInput, deps: UnderstandingDeps): Promise<ExtractionResult> {
  return (await extractAndRouteFile(input, deps)).result;
}

/** `extractFile`, with the route's reasons as well as its status (the eval counts why documents wait). */
export async function extractAndRouteFile(
  input: FileInput,
  deps: UnderstandingDeps,
): Promise<{ result: ExtractionResult; route: Route }> {
  const started = performance.now();
  const { mediaType } = await inspectUpload(input.content, input.filename, deps.limits);
  const read = await readDocument(input.content, {
    mediaType,
    limits: deps.limits,
    ocr: deps.ocr,
    signal: deps.signal,
    // Scans go to Claude with their image; resolving first also fails fast on a missing key.
    renderImages:
      deps.engine !== undefined && resolveEngine(deps.engine.config, deps.engine.engine) !== 'rules',
  });
  const parseMs = performance.now() - started;
  const understood = deps.engine
    ? await extractWithEngine(read.pages, {
        ...deps.engine,
        docType: input.docType,
        signal: deps.signal,
        loadImage: async (number) => read.pages.find((page) => page.number === number)?.image,
      })
    : { ...understandDocument(read.pages, { docType: input.docType }), findings: [] };
  const findings = [...understood.findings, ...validateExtraction(understood, emptyRuleContext(new Date()))];
  const route = routeDocument({ ...understood, findings }, deps.policy);
  const result = {
    file: input.filename,
    docType: understood.docType,
    docTypeConfidence: understood.docTypeConfidence,
    engine: understood.engine,
    fields: understood.fields,
    validation: findings,
    status: route.status,
    timings: { parseMs: Math.round(parseMs), ocrMs: Math.round(read.timings.ocrMs), ...understood.timings },
  };
  return { result, route };
}

export const extractDocument = defineTool({
  name: 'extract_document',
  description:
    'Extract one document in one shot and return the extraction result; nothing is stored and no review task is made. For trying a file or an engine.',
  input: z.object({
    filename: z.string().min(1).max(255).describe('File name; its extension must match the bytes.'),
    content: z.instanceof(Uint8Array).describe('The file bytes: PDF, PNG, JPEG or TIFF.'),
    docType: z
      .enum(DOC_TYPES)
      .optional()
      .describe('Skip classification and treat the document as this type.'),
    engine: z
      .enum(ENGINE_NAMES)
      .optional()
      .describe(
        "rules (offline), claude (the model reads the whole document) or auto (rules, then the model for weak fields); default: the server's PAPERWORK_ENGINE.",
      ),
  }),
  output: ExtractionResultSchema,
  role: 'viewer',
  isReadOnly: true,
  isDestructive: false,
  run: (input, ctx) =>
    extractFile(input, {
      ocr: ctx.ocr,
      limits: readLimitsFromConfig(ctx.config),
      policy: routingPolicyOf(ctx.config),
      signal: ctx.signal,
      engine: { config: ctx.config, engine: input.engine, db: ctx.db },
    }),
});
