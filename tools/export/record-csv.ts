import { z } from 'zod';
import { DOC_TYPE_SCHEMAS } from '../documents/types/index.ts';
import type { ApprovedRecord } from './approved-record.ts';
import { formatCsv } from './write-csv.ts';

const RECORD_COLUMNS = ['document_id', 'file', 'doc_type', 'approval_kind', 'approved_by', 'approved_at'];

/**
 * The record as CSV: `main` is a header and one row, with the approval first and then one column per scalar
 * field of the type's schema (in schema order, empty when absent, so every file of a type has the same
 * columns); `lines` has one row per item of the list fields (invoice `line_items`, statement
 * `transactions`), or is undefined when there are none.
 */
export function formatRecordCsv(record: ApprovedRecord): { main: string; lines?: string } {
  const { scalar, list } = splitFields(record);
  const main = formatCsv([
    [...RECORD_COLUMNS, ...scalar],
    [
      record.documentId,
      record.file,
      record.docType,
      record.approval.kind,
      record.approval.approvedBy.join(';'),
      record.approval.approvedAt,
      ...scalar.map((name) => record.fields[name]),
    ],
  ]);
  const items = list.flatMap((name) => {
    const value = record.fields[name];
    return Array.isArray(value) ? value.map((item, index) => ({ field: name, line: index + 1, item })) : [];
  });
  if (items.length === 0) return { main };
  const itemColumns = unionOfKeys(
    list.flatMap((name) => itemSchemaKeys(record, name)),
    items.map(({ item }) => (isPlainObject(item) ? Object.keys(item) : ['value'])),
  );
  const lines = formatCsv([
    ['document_id', 'field', 'line', ...itemColumns],
    ...items.map(({ field, line, item }) => [
      record.documentId,
      field,
      line,
      ...itemColumns.map((key) => (isPlainObject(item) ? item[key] : key === 'value' ? item : undefined)),
    ]),
  ]);
  return { main, lines };
}

/** Scalar and list field names: the schema's own in its order, then any others the record has, sorted. */
function splitFields(record: ApprovedRecord): { scalar: string[]; list: string[] } {
  const shape = DOC_TYPE_SCHEMAS[record.docType].shape as Record<string, z.ZodType>;
  const extra = Object.keys(record.fields)
    .filter((name) => !(name in shape))
    .sort();
  const isList = (name: string) =>
    name in shape ? unwrap(shape[name]) instanceof z.ZodArray : Array.isArray(record.fields[name]);
  const names = [...Object.keys(shape), ...extra];
  return { scalar: names.filter((name) => !isList(name)), list: names.filter(isList) };
}

function itemSchemaKeys(record: ApprovedRecord, name: string): string[] {
  const shape = DOC_TYPE_SCHEMAS[record.docType].shape as Record<string, z.ZodType>;
  const list = unwrap(shape[name]);
  if (!(list instanceof z.ZodArray)) return [];
  const item = unwrap(list.element as z.ZodType);
  return item instanceof z.ZodObject ? Object.keys(item.shape) : [];
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

function unionOfKeys(first: string[], rest: string[][]): string[] {
  return [...new Set([...first, ...rest.flat()])];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
