import { DOCUMENT_STATUSES, type DocumentStatus } from '../documents/document-status.ts';
import type { ExtractedField } from '../documents/extraction-result.ts';
import type { DocType } from '../documents/types/index.ts';
import type { Queryable } from '../storage/db.ts';
import { listInvoicesNamed, type PayeeInvoice } from '../storage/payee-invoices.ts';
import { listVendors } from '../storage/vendors-table.ts';
import { moneyToCents } from '../understand/normalize/money.ts';
import { isMoney } from '../validate/field-values.ts';
import { compactIdentifier } from '../validate/mask-identifier.ts';
import type { DuplicateRef, PayeeHistory, RuleContext, Vendor } from '../validate/rule.ts';
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

// Every invoice but the rejected and failed ones, whose tax id nobody will act on: a W-9 is checked against them.
const ON_FILE = DOCUMENT_STATUSES.filter((status) => status !== 'rejected' && status !== 'failed');
// What was paid, or will be: what a 1099-NEC should add up to.
const APPROVED: readonly DocumentStatus[] = ['auto_approved', 'approved', 'exported'];

const text = (field: ExtractedField | undefined) =>
  typeof field?.value === 'string' && field.value.trim() !== '' ? field.value : undefined;
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
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
  const names = payeeNames(docType, fields) ?? (vendorName ? [vendorName] : []);
  const match = names.map((name) => matchVendor(name, vendors)).find((vendor) => vendor !== undefined);
  const payee = await gatherPayeeHistory(db, docType, fields, { names, match, vendors });

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
    ...(payee && { payee }),
  };
}

/**
 * The names a W-9 or 1099 payee goes by, in the order they are looked up in the master: a W-9's business
 * name (line 2, the DBA or disregarded LLC that invoices) before its line-1 name. Undefined for other types.
 */
function payeeNames(docType: DocType, fields: Record<string, ExtractedField>): string[] | undefined {
  if (docType === 'w9') return [text(fields.business_name), text(fields.name)].filter((n) => n !== undefined);
  if (docType === 'form_1099_nec') return [text(fields.recipient_name)].filter((n) => n !== undefined);
  return undefined;
}

/**
 * A W-9's or 1099's payee invoices on file (see PayeeHistory); undefined for other types, so invoices and
 * receipts, the bulk of the traffic, pay for no query. An invoice is the payee's when it matches the same
 * master vendor, or, with no match, has the same vendor key as one of the payee's names.
 */
async function gatherPayeeHistory(
  db: Queryable,
  docType: DocType,
  fields: Record<string, ExtractedField>,
  payee: { names: string[]; match: Vendor | undefined; vendors: readonly Vendor[] },
): Promise<PayeeHistory | undefined> {
  if (docType !== 'w9' && docType !== 'form_1099_nec') return undefined;
  const { names, match, vendors } = payee;
  const keys = new Set(names.map(vendorKey));
  const isPayees = (invoice: PayeeInvoice) => {
    const name = str(invoice.values.vendor_name);
    if (name === undefined) return false;
    return match ? matchVendor(name, vendors)?.id === match.id : keys.has(vendorKey(name));
  };
  const lookup = (statuses: readonly DocumentStatus[]) =>
    listInvoicesNamed(db, {
      names: [...names, ...(match ? [match.name, ...match.aliases] : [])],
      statuses,
    }).then((invoices) => invoices.filter(isPayees));

  if (docType === 'w9') {
    const tin = text(fields.tin);
    if (tin === undefined || names.length === 0) return { invoicesWithOtherTaxId: [] };
    const other = (await lookup(ON_FILE)).filter((invoice) => {
      const printed = str(invoice.values.vendor_tax_id);
      return printed !== undefined && compactIdentifier(printed) !== compactIdentifier(tin);
    });
    return {
      invoicesWithOtherTaxId: other.map((invoice) => ({
        documentId: invoice.documentId,
        file: invoice.file,
        ...(str(invoice.values.invoice_number) && { invoiceNumber: str(invoice.values.invoice_number) }),
      })),
    };
  }

  const year = text(fields.tax_year);
  if (year === undefined || !/^\d{4}$/.test(year) || names.length === 0)
    return { invoicesWithOtherTaxId: [] };
  // A 1099-NEC is in dollars; an invoice in another currency is not summed (nor one without a readable total).
  const paid = (await lookup(APPROVED)).filter(
    (invoice) =>
      str(invoice.values.invoice_date)?.startsWith(`${year}-`) &&
      (invoice.values.currency === undefined || invoice.values.currency === 'USD') &&
      isMoney(invoice.values.total_amount),
  );
  return {
    invoicesWithOtherTaxId: [],
    approvedInvoices: {
      taxYear: Number(year),
      count: paid.length,
      totalCents: paid.reduce((sum, invoice) => sum + moneyToCents(invoice.values.total_amount as string), 0),
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
