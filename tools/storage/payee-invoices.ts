import type { DocumentStatus } from '../documents/document-status.ts';
import { vendorKey } from '../vendors/vendor-key.ts';
import type { Queryable } from './db.ts';

/** The invoice fields a payee check reads. */
const FIELDS = [
  'vendor_name',
  'vendor_tax_id',
  'invoice_number',
  'invoice_date',
  'total_amount',
  'currency',
] as const;

/** One invoice with those fields as they stand after the reviewers' corrections (absent when empty). */
export type PayeeInvoice = {
  documentId: string;
  file: string;
  status: DocumentStatus;
  values: Partial<Record<(typeof FIELDS)[number], unknown>>;
};

type PayeeInvoiceRow = {
  id: string;
  filename: string;
  status: DocumentStatus;
  extracted: Record<string, unknown>;
  corrected: Record<string, unknown> | null;
};

/** The SQL side of `nameFragment`: lower case, everything but ASCII letters and digits dropped. */
const FOLDED_NAME = (json: string) => `regexp_replace(lower(${json}), '[^a-z0-9]+', '', 'g')`;

/**
 * A piece of `name` that every printed spelling of it contains once folded like FOLDED_NAME: the longest word
 * of its vendor key that is printed as such ("acme" for "The ACME Co."), else the key without spaces
 * ("ibm" for "I.B.M."). Undefined when the key has nothing ASCII to search by (a name in Japanese script).
 */
export function nameFragment(name: string): string | undefined {
  const keyWords = new Set(vendorKey(name).split(' '));
  const printed = name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => keyWords.has(word));
  const longest = printed.sort((a, b) => b.length - a.length)[0];
  if (longest && longest.length >= 3) return longest;
  const compact = vendorKey(name).replace(/\s/g, '');
  return /^[a-z0-9]+$/.test(compact) ? compact : undefined;
}

/**
 * Invoices in one of `statuses` whose vendor name (extracted, or as a reviewer corrected it) contains one of
 * the name fragments: a cheap superset of one vendor's invoices, which the caller narrows with its own name
 * matching. Reads a handful of fields per invoice, never whole extractions; the latest extraction counts.
 */
export async function listInvoicesNamed(
  db: Queryable,
  query: { names: readonly string[]; statuses: readonly DocumentStatus[] },
): Promise<PayeeInvoice[]> {
  const patterns = [...new Set(query.names.map(nameFragment).filter((f) => f !== undefined))].map(
    (fragment) => `%${fragment}%`,
  );
  if (patterns.length === 0) return [];
  const { rows } = await db.query<PayeeInvoiceRow>(
    `SELECT DISTINCT ON (d.id) d.id, d.filename, d.status,
            jsonb_build_object(${FIELDS.map((f) => `'${f}', e.fields->'${f}'->'value'`).join(', ')}) AS extracted,
            (SELECT jsonb_object_agg(latest.field, latest.after) FROM (
               SELECT DISTINCT ON (c.field) c.field, c.after FROM corrections c
               WHERE c.document_id = d.id AND c.field = ANY($3) ORDER BY c.field, c.at DESC, c.id DESC) latest)
              AS corrected
     FROM documents d JOIN extractions e ON e.document_id = d.id
     WHERE e.doc_type = 'invoice' AND d.status = ANY($1)
       AND (${FOLDED_NAME("e.fields->'vendor_name'->>'value'")} LIKE ANY($2)
            OR d.id IN (SELECT c.document_id FROM corrections c
                        WHERE c.field = 'vendor_name' AND ${FOLDED_NAME("c.after #>> '{}'")} LIKE ANY($2)))
     ORDER BY d.id, e.created_at DESC`,
    [query.statuses, patterns, FIELDS],
  );
  return rows.map((row) => ({
    documentId: row.id,
    file: row.filename,
    status: row.status,
    // jsonb_build_object keeps absent fields as JSON null; a correction replaces the extracted value.
    values: Object.fromEntries(
      Object.entries({ ...row.extracted, ...row.corrected }).filter(([, value]) => value !== null),
    ),
  }));
}
