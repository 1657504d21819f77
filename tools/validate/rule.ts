import type { ExtractedField, Finding } from '../documents/extraction-result.ts';
import type { DocType } from '../documents/types/index.ts';

/** One record of the vendor master. */
export type Vendor = {
  id: string;
  name: string;
  aliases: string[];
  taxId?: string;
  bankAccount?: string;
  bankRouting?: string;
};

/** Another stored document that looks like the one being checked. */
export type DuplicateRef = { documentId: string; file: string; createdAt: string };

/** An invoice on file, as a W-9 or 1099 check lists it. */
export type InvoiceRef = { documentId: string; file: string; invoiceNumber?: string };

/**
 * What is on file about the payee of a W-9 or the recipient of a 1099-NEC: the invoices of the vendor
 * (`vendors.match`, or failing that the same name). Absent for other types.
 */
export type PayeeHistory = {
  /** W-9: the payee's invoices (not rejected or failed) printing a vendor tax id other than the W-9's TIN */
  invoicesWithOtherTaxId: InvoiceRef[];
  /** 1099-NEC: the payee's approved or exported USD invoices dated in the tax year, and their total */
  approvedInvoices?: { taxYear: number; count: number; totalCents: number };
};

/** What the rules know besides the extraction; the caller gathers it, so the rules stay pure. */
export type RuleContext = {
  now: Date;
  /**
   * count: vendors in the master (0 = no master configured); match: the record whose name or alias matched
   * the document's vendor (invoice vendor, receipt merchant, W-9 name or business name, 1099 recipient)
   */
  vendors: { count: number; match?: Vendor };
  /** other documents (never this one) that look like this one; the caller queries them */
  duplicates: { sameContent: DuplicateRef[]; sameInvoiceNumber: DuplicateRef[]; sameAmount: DuplicateRef[] };
  /** W-9 and 1099-NEC only: the payee's invoices on file */
  payee?: PayeeHistory;
};

export type ExtractionToValidate = { docType: DocType; fields: Record<string, ExtractedField> };

/** A business rule: which types it applies to and a pure check that returns its findings (none = passed). */
export type Rule = {
  id: string;
  docTypes: readonly DocType[];
  check(extraction: ExtractionToValidate, ctx: RuleContext): Finding[];
};
