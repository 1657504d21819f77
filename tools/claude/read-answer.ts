import { z } from 'zod';
import type { ExtractedField, Finding } from '../documents/extraction-result.ts';
import type { Page } from '../documents/page.ts';
import { DOC_TYPE_SCHEMAS, type DocType } from '../documents/types/index.ts';
import { parseDate } from '../understand/normalize/date.ts';
import { parseMoney } from '../understand/normalize/money.ts';
import { claudeConfidence } from './claude-confidence.ts';
import { locateQuote } from './locate-quote.ts';

const AnsweredFieldSchema = z.object({
  value: z.unknown(),
  quote: z.string().optional(),
  confidence: z.number().optional(),
});

/**
 * Turns the tool input the model sent into extracted fields: each value checked against its zod schema
 * (and repaired with the rules engine's money and date parsers when it does not fit), its quote located
 * among the original page words to give its source, and its confidence combined (`claudeConfidence`).
 * A quote that is not on the page keeps the value, without a source, at a cut confidence, with a finding.
 */
export function readAnswer(
  docType: DocType,
  input: unknown,
  context: {
    asked: readonly string[];
    pages: readonly Page[];
    rulesFields: Record<string, ExtractedField>;
  },
): { fields: Record<string, ExtractedField>; findings: Finding[] } {
  const shape = DOC_TYPE_SCHEMAS[docType].shape as Record<string, z.ZodType>;
  const fields: Record<string, ExtractedField> = {};
  const findings: Finding[] = [];
  const answered = input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  for (const name of context.asked) {
    const parsed = AnsweredFieldSchema.safeParse(answered[name]);
    const schema = shape[name];
    if (!parsed.success || !schema || isEmpty(parsed.data.value)) continue;
    const value = repairValue(schema, parsed.data.value);
    const isValidFormat = schema.safeParse(value).success;
    const quote = parsed.data.quote ?? '';
    const located = locateQuote(context.pages, quote);
    const rules = context.rulesFields[name];
    const field: ExtractedField = {
      value,
      confidence: claudeConfidence({
        model: parsed.data.confidence ?? 0.5,
        quote: located?.match ?? 'missing',
        isValidFormat,
        rules: rules && { agrees: sameValue(rules.value, value), confidence: rules.confidence },
      }),
    };
    if (located) field.source = { page: located.page, bbox: located.bbox, text: located.text };
    else {
      findings.push({
        rule: 'quote_not_found',
        severity: 'warning',
        field: name,
        message: `The text Claude read ${name} from is not on the page; check the value by eye.`,
      });
    }
    fields[name] = field;
  }
  return { fields, findings };
}

function isEmpty(value: unknown): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/** "$1,234.50" → "1234.50", "March 3, 2024" → "2024-03-03" when the schema wants money or a date. */
function repairValue(schema: z.ZodType, value: unknown): unknown {
  if (typeof value !== 'string' || schema.safeParse(value).success) return value;
  const money = parseMoney(value)?.value;
  if (money && schema.safeParse(money).success) return money;
  const date = parseDate(value)?.value;
  if (date && schema.safeParse(date).success) return date;
  return value;
}

/** Two readings agree when their letters and digits match, case and row sources aside. */
export function sameValue(a: unknown, b: unknown): boolean {
  const fold = (v: unknown) =>
    JSON.stringify(v ?? '', (key, inner) => (key === 'source' ? undefined : inner))
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]/gu, '');
  return fold(a) === fold(b);
}
