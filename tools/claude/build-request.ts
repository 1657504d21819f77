import type {
  ContentBlockParam,
  MessageCreateParamsNonStreaming,
  TextBlockParam,
} from '@anthropic-ai/sdk/resources/messages/messages';
import type { Page } from '../documents/page.ts';
import type { DocType } from '../documents/types/index.ts';
import { groupLines } from '../understand/layout/group-lines.ts';
import { extractionToolOf, toolNameOf } from './extraction-tool.ts';
import { fieldGuideOf, SYSTEM_INSTRUCTIONS } from './prompt.ts';

/** A page as sent: its words (already masked when the type is) and, for a scan, its PNG. */
export type RequestPage = Page & { image?: Uint8Array };

export type ExtractionAsk = {
  model: string;
  pages: readonly RequestPage[];
  /** The types the model may choose between, each with the fields it is asked for. One type: forced. */
  types: ReadonlyArray<{ docType: DocType; fields: readonly string[]; guideFields: readonly string[] }>;
  maxTokens?: number;
};

const cached = { type: 'ephemeral' } as const;

/**
 * The Messages API request for an extraction. The stable parts come first and end in a cache breakpoint:
 * tools (the schema) then the system prompt (instructions and the field guide), so repeated documents of a
 * type read them from the prompt cache. The document itself follows in the user turn: per page its text
 * with line positions and, for a scan, the page image before it.
 */
export function buildExtractionRequest(ask: ExtractionAsk): MessageCreateParamsNonStreaming {
  const tools = ask.types.map((t) => extractionToolOf(t.docType, t.fields));
  const [only] = ask.types;
  const isForced = ask.types.length === 1 && only;
  const system: TextBlockParam[] = [
    { type: 'text', text: SYSTEM_INSTRUCTIONS },
    {
      type: 'text',
      text: ask.types.map((t) => fieldGuideOf(t.docType, t.guideFields)).join('\n\n'),
      cache_control: cached,
    },
  ];
  const content: ContentBlockParam[] = [];
  for (const page of ask.pages) {
    if (page.image) {
      content.push({
        type: 'image',
        source: { type: 'base64', media_type: 'image/png', data: Buffer.from(page.image).toString('base64') },
      });
    }
    content.push({ type: 'text', text: pageText(page) });
  }
  content.push({ type: 'text', text: instructionOf(ask) });
  return {
    model: ask.model,
    max_tokens: ask.maxTokens ?? 8192,
    system,
    tools,
    tool_choice: isForced
      ? { type: 'tool', name: toolNameOf(only.docType), disable_parallel_tool_use: true }
      : { type: 'any', disable_parallel_tool_use: true },
    messages: [{ role: 'user', content }],
  };
}

/** One page as text: a line per printed line, prefixed with its top and left edge as page fractions. */
export function pageText(page: Page): string {
  const lines = groupLines(page).map(
    (line) => `[y=${line.bbox[1].toFixed(3)} x=${line.bbox[0].toFixed(3)}] ${line.text}`,
  );
  const kind = page.source === 'ocr' ? 'scanned, OCR text' : 'text layer';
  return `<page number="${page.number}" kind="${kind}">\n${lines.join('\n')}\n</page>`;
}

function instructionOf(ask: ExtractionAsk): string {
  if (ask.types.length === 1 && ask.types[0]) {
    const { docType, fields } = ask.types[0];
    return `This document is a ${docType}. Record only these fields: ${fields.join(', ')}.`;
  }
  const names = ask.types.map((t) => t.docType).join(', ');
  return `Decide which kind of document this is (${names}) and record its fields with that kind's tool.`;
}
