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

/** What the rules know besides the extraction; the caller gathers it, so the rules stay pure. */
export type RuleContext = {
  now: Date;
  /** count: vendors in the master (0 = no master configured); match: the record whose name or alias matched the document's vendor name */
  vendors: { count: number; match?: Vendor };
  /** other documents (never this one) that look like this one; the caller queries them */
  duplicates: { sameContent: DuplicateRef[]; sameInvoiceNumber: DuplicateRef[]; sameAmount: DuplicateRef[] };
};

export type ExtractionToValidate = { docType: DocType; fields: Record<string, ExtractedField> };

/** A business rule: which types it applies to and a pure check that returns its findings (none = passed). */
export type Rule = {
  id: string;
  docTypes: readonly DocType[];
  check(extraction: ExtractionToValidate, ctx: RuleContext): Finding[];
};
