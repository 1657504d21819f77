import { z } from 'zod';
import { AppError } from '../core/app-error.ts';
import { defineTool } from '../core/tool.ts';
import { DOCUMENT_STATUSES } from '../documents/document-status.ts';
import { DOC_TYPES } from '../documents/types/index.ts';
import { type DocumentRecord, toDocumentRecord } from '../storage/documents-table.ts';

// Where each type keeps its counterparty, its date and its amount, in order of preference.
const VENDOR_FIELDS = ['vendor_name', 'merchant_name', 'payer_name', 'business_name', 'name', 'bank_name'];
const DATE_FIELDS = ['invoice_date', 'date', 'period_end', 'signature_date'];
const AMOUNT_FIELDS = ['total_amount', 'nonemployee_compensation', 'closing_balance'];

const ISO_DATE = z.iso.date();
const MONEY = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'a decimal number like "1234.50"')
  .or(z.number().transform(String));

export const DocumentSummarySchema = z.object({
  id: z.string(),
  file: z.string(),
  status: z.enum(DOCUMENT_STATUSES),
  docType: z.enum(DOC_TYPES).nullable(),
  pageCount: z.number().nullable(),
  createdAt: z.string(),
  vendor: z.string().optional().describe('Vendor, merchant or payer as extracted.'),
  date: z.string().optional().describe('The document date (invoice date, receipt date, period end).'),
  amount: z.string().optional().describe('Total, compensation or closing balance, as a decimal string.'),
  currency: z.string().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

export const SearchDocumentsInputSchema = z.object({
  text: z
    .string()
    .max(200)
    .optional()
    .describe('Words to find in the file name or any extracted value (case-insensitive substring).'),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  type: z.enum(DOC_TYPES).optional(),
  vendor: z.string().max(200).optional().describe('Part of the vendor, merchant or payer name.'),
  dateFrom: ISO_DATE.optional().describe('Document date on or after this day, YYYY-MM-DD.'),
  dateTo: ISO_DATE.optional().describe('Document date on or before this day, YYYY-MM-DD.'),
  amountMin: MONEY.optional().describe('Amount at least this, e.g. "1000.00".'),
  amountMax: MONEY.optional().describe('Amount at most this.'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size (at most 200).'),
  cursor: z.string().max(200).optional().describe('nextCursor from the previous page, to continue.'),
});

// Microseconds since the epoch: created_at to the database's own precision, so no row is skipped or repeated.
type Cursor = { us: string; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (/^\d+$/.test(value.us) && /^[0-9a-f-]{36}$/i.test(value.id)) return value;
  } catch {
    // Falls through to the error below.
  }
  throw new AppError('VALIDATION_FAILED', 'cursor: not a cursor returned by search_documents.');
}

/** `COALESCE` over the first of the fields that holds a value, as text. */
const firstValue = (fields: string[]) =>
  `COALESCE(${fields.map((f) => `e.fields->'${f}'->>'value'`).join(', ')})`;
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

type Row = Parameters<typeof toDocumentRecord>[0] & {
  vendor: string | null;
  doc_date: string | null;
  amount: string | null;
  currency: string | null;
  created_us: string | number;
};

function toSummary(document: DocumentRecord, row: Row): DocumentSummary {
  return {
    id: document.id,
    file: document.filename,
    status: document.status,
    docType: document.docType,
    pageCount: document.pageCount,
    createdAt: document.createdAt,
    ...(row.vendor && { vendor: row.vendor }),
    ...(row.doc_date && { date: row.doc_date }),
    ...(row.amount && { amount: row.amount }),
    ...(row.currency && { currency: row.currency }),
    ...(document.errorCode && { error: { code: document.errorCode, message: document.errorMessage ?? '' } }),
  };
}

/** Lists documents newest first; the filters are on the latest extraction's values, as read (before corrections). */
export const searchDocuments = defineTool({
  name: 'search_documents',
  description:
    'Find documents, newest first, by text, status, type, vendor, document date range and amount range. Returns short summaries (id, file, status, type, vendor, date, amount) and a nextCursor when there are more; call get_document for one in full.',
  input: SearchDocumentsInputSchema,
  output: z.object({
    documents: z.array(DocumentSummarySchema),
    nextCursor: z.string().optional().describe('Pass as cursor to get the next page; absent on the last.'),
  }),
  role: 'viewer',
  isReadOnly: true,
  isDestructive: false,
  async run(input, ctx) {
    const cursor = input.cursor ? decodeCursor(input.cursor) : undefined;
    const numeric = (expr: string) =>
      `CASE WHEN ${expr} ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN (${expr})::numeric END`;
    const isoDate = (expr: string) => `CASE WHEN ${expr} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN ${expr} END`;
    const { rows } = await ctx.db.query<Row>(
      `SELECT * FROM (
         SELECT d.*, ${firstValue(VENDOR_FIELDS)} AS vendor, ${isoDate(firstValue(DATE_FIELDS))} AS doc_date,
                ${firstValue(AMOUNT_FIELDS)} AS amount, e.fields->'currency'->>'value' AS currency,
                e.fields::text AS fields_text, (extract(epoch FROM d.created_at) * 1000000)::bigint AS created_us
         FROM documents d
         LEFT JOIN LATERAL (SELECT fields FROM extractions x WHERE x.document_id = d.id
                            ORDER BY x.created_at DESC LIMIT 1) e ON true
       ) d
       WHERE ($1::text IS NULL OR d.status = $1)
         AND ($2::text IS NULL OR d.doc_type = $2)
         AND ($3::text IS NULL OR d.filename ILIKE $3 OR d.fields_text ILIKE $3)
         AND ($4::text IS NULL OR d.vendor ILIKE $4)
         AND ($5::text IS NULL OR d.doc_date >= $5)
         AND ($6::text IS NULL OR d.doc_date <= $6)
         AND ($7::numeric IS NULL OR ${numeric('d.amount')} >= $7::numeric)
         AND ($8::numeric IS NULL OR ${numeric('d.amount')} <= $8::numeric)
         AND ($9::bigint IS NULL OR (d.created_us, d.id) < ($9::bigint, $10::uuid))
       ORDER BY d.created_us DESC, d.id DESC LIMIT $11`,
      [
        input.status ?? null,
        input.type ?? null,
        input.text ? likePattern(input.text) : null,
        input.vendor ? likePattern(input.vendor) : null,
        input.dateFrom ?? null,
        input.dateTo ?? null,
        input.amountMin ?? null,
        input.amountMax ?? null,
        cursor?.us ?? null,
        cursor?.id ?? null,
        input.limit + 1,
      ],
    );
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    return {
      documents: page.map((row) => toSummary(toDocumentRecord(row), row)),
      ...(rows.length > input.limit &&
        last && { nextCursor: encodeCursor({ us: String(last.created_us), id: last.id }) }),
    };
  },
});
