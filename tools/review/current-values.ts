import type { ExtractedField } from '../documents/extraction-result.ts';
import type { Correction } from '../storage/corrections-table.ts';

/** The record as it stands: extracted values, with every correction applied in the order it was made. */
export function currentValues(
  fields: Record<string, ExtractedField>,
  corrections: readonly Pick<Correction, 'field' | 'after'>[],
): Record<string, unknown> {
  const values: Record<string, unknown> = Object.fromEntries(
    Object.entries(fields).map(([name, field]) => [name, field.value]),
  );
  for (const correction of corrections) values[correction.field] = correction.after;
  return values;
}
