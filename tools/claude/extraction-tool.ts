import { createHash } from 'node:crypto';
import type { Tool } from '@anthropic-ai/sdk/resources/messages/messages';
import { z } from 'zod';
import { DOC_TYPE_SCHEMAS, DOC_TYPES, type DocType } from '../documents/types/index.ts';

/** Types the model can be asked to extract (`other` has no fields). */
export const EXTRACTABLE_TYPES = DOC_TYPES.filter((t) => t !== 'other');

/** Tools offered when the type is unsure: every type, `other` included so a stray page need not be forced into one. */
export const CHOOSABLE_TYPES = DOC_TYPES;

export const toolNameOf = (docType: DocType) => `record_${docType}`;

export function docTypeOfTool(name: string): DocType | undefined {
  return DOC_TYPES.find((docType) => toolNameOf(docType) === name);
}

/** The JSON schema of one field's value, from the same zod schema the rules engine and validation use. */
export function valueSchemaOf(docType: DocType, field: string): Record<string, unknown> {
  const shape = DOC_TYPE_SCHEMAS[docType].shape as Record<string, z.ZodType>;
  const schema = shape[field];
  if (!schema) throw new Error(`${docType} has no field ${field}`);
  const { $schema: _, ...json } = z.toJSONSchema(schema) as Record<string, unknown>;
  return json;
}

export function fieldNamesOf(docType: DocType): string[] {
  return Object.keys(DOC_TYPE_SCHEMAS[docType].shape);
}

/**
 * The forced tool whose input is the extraction: each asked field as `{ value, quote, confidence }`. A field
 * that is not on the document is left out (never null or ""), as in the extraction result.
 */
export function extractionToolOf(docType: DocType, fields: readonly string[]): Tool {
  const properties = Object.fromEntries(
    fields.map((field) => {
      const value = valueSchemaOf(docType, field);
      return [
        field,
        {
          type: 'object',
          description: typeof value.description === 'string' ? value.description : undefined,
          properties: {
            value,
            quote: {
              type: 'string',
              description:
                'The text on the page the value was read from, copied exactly as printed (for a table, its first row).',
            },
            confidence: {
              type: 'number',
              minimum: 0,
              maximum: 1,
              description: 'Probability that the value is right.',
            },
          },
          required: ['value', 'quote', 'confidence'],
          additionalProperties: false,
        },
      ];
    }),
  );
  return {
    name: toolNameOf(docType),
    description: `Record the fields read from a ${docType.replaceAll('_', ' ')}. Leave out a field that is not on the document.`,
    input_schema: { type: 'object', properties, additionalProperties: false },
  };
}

/** Short hash of every type's field schemas: changes whenever a zod schema or its descriptions change. */
export function schemaHash(): string {
  const all = EXTRACTABLE_TYPES.map((t) => extractionToolOf(t, fieldNamesOf(t)));
  return createHash('sha256').update(JSON.stringify(all)).digest('hex').slice(0, 10);
}
