import type { DocType } from '../../tools/documents/types/index.ts';
import { generateInvoice } from './generate-invoice.ts';
import { generateReceipt } from './generate-receipt.ts';
import { generate1099Nec } from './make-1099-nec-pdf.ts';
import { generateBankStatement } from './make-bank-statement-pdf.ts';
import { generateW9 } from './make-w9-pdf.ts';
import type { SynthGenerator } from './synth-document.ts';

/**
 * Every document type the synthetic corpus can draw, in the order `--types` defaults to. A type is listed
 * once its generator exists; the corpus writer and `paperwork synth` read nothing else.
 */
export const SYNTH_GENERATORS: Partial<Record<DocType, SynthGenerator>> = {
  invoice: generateInvoice,
  receipt: generateReceipt,
  w9: generateW9,
  form_1099_nec: generate1099Nec,
  bank_statement: generateBankStatement,
};

export const SYNTH_TYPES = Object.keys(SYNTH_GENERATORS) as DocType[];
