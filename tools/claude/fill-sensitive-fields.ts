import type { ExtractedField } from '../documents/extraction-result.ts';
import type { Page } from '../documents/page.ts';
import type { DocType } from '../documents/types/index.ts';
import { groupLines } from '../understand/layout/group-lines.ts';
import type { SensitiveNumber } from './find-sensitive-numbers.ts';
import { SENSITIVE_FIELDS } from './sensitive-fields.ts';

/** A number found by shape alone, without the model: sure of the digits, less of which field it is. */
const SHAPE_CONFIDENCE = 0.85;

/**
 * Fills a masked type's sensitive fields on this machine: the rules engine's value when it has one, else
 * the tax ids and account numbers found by shape, placed by the nearest label ("payer", "recipient").
 */
export function fillSensitiveFields(
  docType: DocType,
  pages: readonly Page[],
  numbers: readonly SensitiveNumber[],
  rulesFields: Record<string, ExtractedField>,
): Record<string, ExtractedField> {
  const fields: Record<string, ExtractedField> = {};
  const tins = numbers.filter((n) => n.kind !== 'account');
  const accounts = numbers.filter((n) => n.kind === 'account');
  const put = (name: string, number: SensitiveNumber | undefined, value?: string) => {
    if (!number) return;
    fields[name] = {
      value: value ?? number.value,
      confidence: Math.round(SHAPE_CONFIDENCE * number.confidence * 1000) / 1000,
      source: { page: number.page, bbox: number.bbox, text: number.text },
    };
  };
  if (docType === 'w9') {
    const tin = tins[0];
    put('tin', tin, tin && withDashes(tin));
    if (tin) put('tin_type', tin, /^\d{2}-/.test(withDashes(tin)) ? 'EIN' : 'SSN');
  }
  if (docType === 'form_1099_nec') {
    const payer = nearestToLabel(pages, tins, /payer/i) ?? tins[0];
    const recipient = nearestToLabel(pages, tins, /recipient/i) ?? tins.find((t) => t !== payer);
    put('payer_tin', payer, payer && withDashes(payer));
    if (recipient !== payer) put('recipient_tin', recipient, recipient && withDashes(recipient));
  }
  if (docType === 'invoice') {
    put('vendor_tax_id', tins[0], tins[0]?.text);
    put('bank_account', accounts[0], accounts[0]?.value.replace(/[^A-Za-z0-9-]/g, ''));
  }
  if (docType === 'bank_statement') {
    put('account_number_last4', accounts[0], accounts[0]?.value.replace(/\D/g, '').slice(-4));
  }
  for (const name of SENSITIVE_FIELDS[docType]) {
    const rules = rulesFields[name];
    if (rules) fields[name] = rules;
  }
  return fields;
}

/** SSN/ITIN 123-45-6789, EIN 12-3456789; a bare nine digits is read as an SSN (its shape says no more). */
function withDashes(number: SensitiveNumber): string {
  const digits = number.value.replace(/\D/g, '');
  if (number.kind === 'ein') return `${digits.slice(0, 2)}-${digits.slice(2)}`;
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

/** The number closest below or right of a line whose text matches the label (form boxes put ids there). */
function nearestToLabel(
  pages: readonly Page[],
  numbers: readonly SensitiveNumber[],
  label: RegExp,
): SensitiveNumber | undefined {
  let best: { number: SensitiveNumber; distance: number } | undefined;
  for (const page of pages) {
    const lines = groupLines(page).filter((l) => /tin|tax|id/i.test(l.text));
    // The label word itself, not its line: a form prints "PAYER'S TIN" and "RECIPIENT'S TIN" side by side.
    const labels = lines.flatMap((l) => l.words.filter((w) => label.test(w.text)));
    for (const word of labels) {
      for (const number of numbers.filter((n) => n.page === page.number)) {
        const dy = number.bbox[1] - word.bbox[1];
        const dx = number.bbox[0] - word.bbox[0];
        if (dy < -0.005 || dx < -0.05) continue;
        const distance = Math.hypot(dx, dy * 2);
        if (!best || distance < best.distance) best = { number, distance };
      }
    }
  }
  return best?.number;
}
