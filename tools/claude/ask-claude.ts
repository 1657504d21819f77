import type {
  Message,
  MessageCreateParamsNonStreaming,
  ToolUseBlock,
} from '@anthropic-ai/sdk/resources/messages/messages';
import { AppError } from '../core/app-error.ts';
import type { Config } from '../core/config.ts';
import type { ExtractedField, Finding } from '../documents/extraction-result.ts';
import type { Page } from '../documents/page.ts';
import type { DocType } from '../documents/types/index.ts';
import { buildExtractionRequest, type RequestPage } from './build-request.ts';
import type { ClaudeClient } from './claude-client.ts';
import { toClaudeAppError } from './claude-error.ts';
import { CHOOSABLE_TYPES, docTypeOfTool, fieldNamesOf } from './extraction-tool.ts';
import { fillSensitiveFields } from './fill-sensitive-fields.ts';
import { findSensitiveNumbers } from './find-sensitive-numbers.ts';
import { type LlmUsage, usageOf } from './llm-usage.ts';
import { maskPageImage, maskPageWords } from './mask-pages.ts';
import { readAnswer } from './read-answer.ts';
import { isMaskedType, SENSITIVE_FIELDS } from './sensitive-fields.ts';

export type ClaudeDeps = {
  config: Config;
  client: ClaudeClient;
  /** The PNG of a page as stored at parse time; scans are sent with it. */
  loadImage?: (pageNumber: number) => Promise<Uint8Array | undefined>;
  signal?: AbortSignal;
};

export type ClaudeQuestion = {
  /** The type to extract as; absent: the model chooses among every type. */
  docType?: DocType;
  /** Only these fields (auto's weak fields); absent: every field of the type. */
  fields?: readonly string[];
  /** What the rules engine read, for agreement and to fill masked fields. */
  rulesFields: Record<string, ExtractedField>;
};

export type ClaudeAnswer = {
  docType: DocType;
  fields: Record<string, ExtractedField>;
  findings: Finding[];
  usage: LlmUsage;
  ms: number;
};

/** A built request and how to read the model's answer to it: one call now, or one entry of a batch later. */
export type PreparedAsk = {
  request: MessageCreateParamsNonStreaming;
  /** Reads the answer; `batch` prices its usage at the Batches API's half price. */
  finish(message: Message, options?: { ms?: number; batch?: boolean }): ClaudeAnswer;
};

/**
 * Builds the request for an extraction. When the type is masked (or, with the type unknown, when any type
 * is) the tax ids and account numbers are replaced in the text and painted over on the images before the
 * request is built, the model is not asked for those fields, and `finish` fills them here instead.
 */
export async function prepareClaudeAsk(
  pages: readonly Page[],
  question: ClaudeQuestion,
  deps: Omit<ClaudeDeps, 'client' | 'signal'>,
): Promise<PreparedAsk> {
  const { config } = deps;
  const isMasked = question.docType
    ? isMaskedType(question.docType, config)
    : config.MASK_BEFORE_SEND.length > 0;
  const numbers = isMasked ? findSensitiveNumbers(pages) : [];
  const sentPages = await pagesToSend(isMasked ? maskPageWords(pages, numbers) : pages, numbers, deps);
  const askable = (docType: DocType) =>
    fieldNamesOf(docType).filter((f) => !(isMasked && SENSITIVE_FIELDS[docType].includes(f)));
  const types = (question.docType ? [question.docType] : CHOOSABLE_TYPES).map((docType) => {
    const guideFields = askable(docType);
    const fields = question.fields ? guideFields.filter((f) => question.fields?.includes(f)) : guideFields;
    return { docType, fields, guideFields };
  });
  const request = buildExtractionRequest({ model: config.PAPERWORK_MODEL, pages: sentPages, types });

  const finish: PreparedAsk['finish'] = (message, options = {}) => {
    const usage = usageOf(config.PAPERWORK_MODEL, message.usage, config, { isBatch: options.batch });
    const call = message.content.find((block): block is ToolUseBlock => block.type === 'tool_use');
    const docType = call && docTypeOfTool(call.name);
    const asked = types.find((t) => t.docType === docType);
    if (!call || !docType || !asked) {
      throw new AppError(
        'UPSTREAM_UNAVAILABLE',
        `Claude answered without an extraction (${message.stop_reason}).`,
        {
          kind: 'upstream',
        },
      );
    }
    const read = readAnswer(docType, call.input, {
      asked: asked.fields,
      pages,
      rulesFields: question.rulesFields,
    });
    const local = isMasked ? fillSensitiveFields(docType, pages, numbers, question.rulesFields) : {};
    return {
      docType,
      fields: { ...read.fields, ...local },
      findings: read.findings,
      usage,
      ms: options.ms ?? 0,
    };
  };
  return { request, finish };
}

/** One Messages API call for an extraction (see `prepareClaudeAsk`). */
export async function askClaude(
  pages: readonly Page[],
  question: ClaudeQuestion,
  deps: ClaudeDeps,
): Promise<ClaudeAnswer> {
  return sendClaudeAsk(await prepareClaudeAsk(pages, question, deps), deps);
}

/** Sends a prepared extraction as one synchronous call and reads the answer. */
export async function sendClaudeAsk(
  prepared: PreparedAsk,
  deps: Pick<ClaudeDeps, 'client' | 'signal'>,
): Promise<ClaudeAnswer> {
  const started = performance.now();
  const message = await deps.client.messages
    .create(prepared.request, { signal: deps.signal })
    .catch((error: unknown) => {
      throw toClaudeAppError(error);
    });
  return prepared.finish(message, { ms: Math.round(performance.now() - started) });
}

/** Text pages go as text; a scan goes with its image, painted over where a masked number is. */
async function pagesToSend(
  pages: readonly Page[],
  numbers: ReturnType<typeof findSensitiveNumbers>,
  deps: Pick<ClaudeDeps, 'loadImage'>,
): Promise<RequestPage[]> {
  return Promise.all(
    pages.map(async (page) => {
      if (page.source !== 'ocr' || !deps.loadImage) return page;
      const image = await deps.loadImage(page.number);
      if (!image) return page;
      const boxes = numbers.filter((n) => n.page === page.number).map((n) => n.bbox);
      return { ...page, image: await maskPageImage(image, boxes) };
    }),
  );
}
