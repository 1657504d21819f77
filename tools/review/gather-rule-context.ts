import type { ExtractedField } from '../documents/extraction-result.ts';
import type { DocType } from '../documents/types/index.ts';
import type { Queryable } from '../storage/db.ts';
import { listVendors } from '../storage/vendors-table.ts';
import type { DuplicateRef, RuleContext } from '../validate/rule.ts';
import { matchVendor, vendorKey } from '../vendors/match-vendor.ts';

const DAY_MS = 24 * 3600 * 1000;
// Rejected and failed documents are not payable, so a resubmission after them is not a duplicate.
const COUNTED = "d.status NOT IN ('rejected', 'failed')";

type CandidateRow = {
  id: string;
  filename: string;
  created_at: string | Date;
  vendor: string | null;
  doc_date: string | null;
};

const text = (field: ExtractedField | undefined) =>
  typeof field?.value === 'string' ? field.value : undefined;
const toRef = (row: CandidateRow): DuplicateRef => ({
  documentId: row.id,
  file: row.filename,
  createdAt: new Date(row.created_at).toISOString(),
});

/** What the rules need from storage: the vendor master's verdict and the documents that look like this one. */
export async function gatherRuleContext(
  db: Queryable,
  document: {
    id: string;
    contentSha256: string | undefined;
    docType: DocType;
    fields: Record<string, ExtractedField>;
  },
  options: { now: Date; duplicateWindowDays: number },
): Promise<RuleContext> {
  const { fields, docType } = document;
  const vendorName = text(fields.vendor_name) ?? text(fields.merchant_name);
  const vendors = await listVendors(db);
  const match = vendorName ? matchVendor(vendorName, vendors) : undefined;

  const sameContent = await db.query<CandidateRow>(
    // NULL = NULL is not true, so a document without words matches nothing.
    `SELECT d.id, d.filename, d.created_at, NULL AS vendor, NULL AS doc_date FROM documents d
     WHERE d.content_sha256 = $1 AND d.id <> $2 AND ${COUNTED} ORDER BY d.created_at`,
    [document.contentSha256 ?? null, document.id],
  );

  const sameVendor = (row: CandidateRow) =>
    vendorName !== undefined && row.vendor !== null && vendorKey(row.vendor) === vendorKey(vendorName);
  const candidates = (field: string, value: string | undefined) =>
    value === undefined
      ? Promise.resolve([])
      : db
          .query<CandidateRow>(
            `SELECT d.id, d.filename, d.created_at,
                    COALESCE(e.fields->'vendor_name'->>'value', e.fields->'merchant_name'->>'value') AS vendor,
                    COALESCE(e.fields->'invoice_date'->>'value', e.fields->'date'->>'value') AS doc_date
             FROM extractions e JOIN documents d ON d.id = e.document_id
             WHERE e.doc_type = $1 AND lower(e.fields->$2->>'value') = lower($3) AND d.id <> $4 AND ${COUNTED}
             ORDER BY d.created_at`,
            [docType, field, value, document.id],
          )
          .then((result) => result.rows.filter(sameVendor));

  const sameInvoiceNumber =
    docType === 'invoice' ? await candidates('invoice_number', text(fields.invoice_number)) : [];
  const date = text(fields.invoice_date) ?? text(fields.date);
  const withinWindow = (row: CandidateRow) => {
    const theirs = Date.parse(row.doc_date ?? new Date(row.created_at).toISOString());
    const ours = Date.parse(date ?? options.now.toISOString());
    return Math.abs(theirs - ours) <= options.duplicateWindowDays * DAY_MS;
  };
  const sameAmount = (await candidates('total_amount', text(fields.total_amount)))
    .filter(withinWindow)
    // The same invoice number already says more; do not list a document twice.
    .filter((row) => !sameInvoiceNumber.some((other) => other.id === row.id));

  return {
    now: options.now,
    vendors: { count: vendors.length, ...(match && { match }) },
    duplicates: {
      sameContent: sameContent.rows.map(toRef),
      sameInvoiceNumber: sameInvoiceNumber.map(toRef),
      sameAmount: sameAmount.map(toRef),
    },
  };
}

/** An empty context, for extraction outside the pipeline (the `extract` command): no master, no history. */
export function emptyRuleContext(now: Date): RuleContext {
  return {
    now,
    vendors: { count: 0 },
    duplicates: { sameContent: [], sameInvoiceNumber: [], sameAmount: [] },
  };
}
