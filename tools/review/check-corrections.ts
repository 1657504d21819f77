import { z } from 'zod';
import { AppError } from '../core/app-error.ts';
import { DOC_TYPE_SCHEMAS, type DocType } from '../documents/types/index.ts';
import { parseMoney } from '../understand/normalize/money.ts';
import { FIELD_KINDS } from '../validate/field-kinds.ts';

/** What a person is told when a value has the wrong shape. */
function formatHint(docType: DocType, field: string): string | undefined {
  const kinds = FIELD_KINDS[docType];
  if (kinds.money.includes(field)) return 'money like 1234.50';
  if (kinds.dates.includes(field)) return 'a date as YYYY-MM-DD';
  if (kinds.currency.includes(field)) return 'a three-letter ISO 4217 code like USD';
  return undefined;
}

/** People type amounts as they see them ("1,234.50", "$80.9"); those are read, look-alike letters are not. */
function normalizeTyped(docType: DocType, field: string, raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  const text = raw.trim();
  if (!FIELD_KINDS[docType].money.includes(field)) return text;
  const money = parseMoney(text);
  return money && !money.wasRepaired ? money.value : text;
}

/** The schema of one field, with `.optional()` taken off: a correction always sets a value. */
function fieldSchema(docType: DocType, field: string): z.ZodType | undefined {
  const shape = DOC_TYPE_SCHEMAS[docType].shape as Record<string, z.ZodType>;
  const schema = Object.hasOwn(shape, field) ? shape[field] : undefined;
  return schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
}

/**
 * Checks a reviewer's corrections against the type's schema, so a corrected value has exactly the format
 * an extracted one would (money "1234.50", dates YYYY-MM-DD). Every problem is reported at once.
 */
export function checkCorrections(
  docType: DocType,
  corrections: Record<string, unknown>,
): Record<string, unknown> {
  const problems: string[] = [];
  const checked: Record<string, unknown> = {};
  for (const [field, raw] of Object.entries(corrections)) {
    const schema = fieldSchema(docType, field);
    if (!schema) {
      problems.push(`${field} is not a field of a ${docType}`);
      continue;
    }
    const parsed = schema.safeParse(normalizeTyped(docType, field, raw));
    if (parsed.success) checked[field] = parsed.data;
    else problems.push(`${field} must be ${formatHint(docType, field) ?? parsed.error.issues[0]?.message}`);
  }
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', `Corrections refused: ${problems.join('; ')}`);
  return checked;
}
