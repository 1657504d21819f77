import type { Word } from '../../documents/page.ts';
import type { LabelMatch } from '../layout/find-label.ts';
import type { TextLine } from '../layout/text-line.ts';
import type { FieldCandidate } from './field-candidate.ts';
import { pickBest } from './field-candidate.ts';
import { findLabelledValues, type LabelRule, type ValueReader } from './labelled-values.ts';

/** How sure a shape makes a value (0..1), or 0 when the text is not that kind of bank code. */
type Shape = (compact: string) => number;

/** IBAN: country, check digits, up to 30 letters and digits; the mod-97 check tells a clean read. */
const iban: Shape = (v) => {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(v)) return 0;
  const digits = `${v.slice(4)}${v.slice(0, 4)}`.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1 ? 1 : 0.6;
};
const accountNumber: Shape = (v) => {
  const digits = v.replace(/-/g, '').length;
  return /^\d[\d-]*\d$/.test(v) && digits >= 4 && digits <= 20 ? 0.9 : 0;
};
/** ABA routing number: nine digits with a 3-7-1 weighted checksum. */
const aba: Shape = (v) => {
  if (!/^\d{9}$/.test(v)) return 0;
  const d = [...v].map(Number);
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
  return sum % 10 === 0 ? 1 : 0.6;
};
const sortCode: Shape = (v) => (/^\d{2}-?\d{2}-?\d{2}$/.test(v) ? 0.95 : 0);
const bsb: Shape = (v) => (/^\d{3}-?\d{3}$/.test(v) ? 0.95 : 0);
const bic: Shape = (v) => (/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(v) ? 0.95 : 0);
const either =
  (...shapes: Shape[]): Shape =>
  (v) =>
    Math.max(...shapes.map((shape) => shape(v)));

/** Leftovers of a label before its value: "No.", "#", ":", "(ABA)". */
const LABEL_LEFTOVER = /^[(:#]*(no\.?|number|nr\.?|num\.?|aba|code|#|:)?[):]*$/i;

/**
 * Reads a bank code right of or under a label. Codes are printed in groups ("DE89 3704 0044 …",
 * "12 34 56"), so up to eight groups are joined without spaces and the longest join with a known shape
 * wins. A letters-only group is taken only inside an IBAN ("GB29 NWBK 6016 …"), so a next label stops it.
 */
function bankCodeReader(shape: Shape): ValueReader<string> {
  return (words) => {
    const groups: Word[] = [];
    for (const word of words) {
      if (groups.length === 0 && LABEL_LEFTOVER.test(word.text)) continue;
      const text = word.text.replace(/[.,;]$/, '');
      const isIbanGroup = /^[A-Z]{2}\d{2}/i.test(groups.map((g) => g.text).join(''));
      if (!/^[A-Z0-9-]+$/i.test(text) || (!/\d/.test(text) && !(isIbanGroup && text.length <= 4))) {
        if (groups.length === 0 && /^[A-Z0-9]{8,11}$/.test(text)) groups.push(word);
        break;
      }
      groups.push(word);
      if (groups.length === 8) break;
    }
    for (let n = groups.length; n > 0; n--) {
      const value = groups
        .slice(0, n)
        .map((w) => w.text.replace(/[.,;]$/, ''))
        .join('')
        .toUpperCase();
      const quality = shape(value);
      if (quality > 0) return { value, words: groups.slice(0, n), quality };
    }
    return null;
  };
}

/**
 * Words that put a bare "Account No" among bank details rather than the customer's account with the vendor.
 * Not "remit": a "Remit to" block often asks for the customer's account number with the payment.
 */
const BANK_CONTEXT =
  /\b(bank|banking|wire|ach|eft|iban|swift|bic|routing|aba|sort\s*code|bsb|beneficiary|payment\s*(details|instructions|information))\b/i;

function hasBankContext(lines: readonly TextLine[], match: LabelMatch): boolean {
  const near = lines.slice(Math.max(0, match.lineIndex - 3), match.lineIndex + 4);
  return near.some((line) => line.page === match.line.page && BANK_CONTEXT.test(line.text));
}

/**
 * The bank details an invoice asks to be paid into (its "remit to" block): the account (IBAN or account
 * number) and the routing code (ABA routing number, sort code, BSB or SWIFT/BIC). A bare "Account No"
 * counts only near other bank words: most invoices print the customer's account number with the vendor.
 */
export function findRemitTo(lines: readonly TextLine[]): {
  bankAccount: FieldCandidate | null;
  bankRouting: FieldCandidate | null;
} {
  const account: [LabelRule, Shape][] = [
    [{ pattern: /\biban\b/i, weight: 0.9 }, iban],
    [
      {
        pattern: /\b(bank|beneficiary)\s*(account|acct|a\/c)\.?(\s*(no\b\.?|number|num\b|#))?/i,
        weight: 0.85,
      },
      either(iban, accountNumber),
    ],
    [
      {
        pattern: /\b(account|acct|a\/c)\.?\s*(no\b\.?|number|num\b|nr\b\.?|#|:)/i,
        weight: (match) => (hasBankContext(lines, match) ? 0.75 : 0),
      },
      either(iban, accountNumber),
    ],
  ];
  const routing: [LabelRule, Shape][] = [
    [
      { pattern: /\b(aba\s*)?routing(\s*(&|and)\s*transit)?(\s*(no\b\.?|number|#))?|\baba\b/i, weight: 0.85 },
      aba,
    ],
    [{ pattern: /\bsort\s*code\b/i, weight: 0.85 }, sortCode],
    [{ pattern: /\bbsb\b/i, weight: 0.85 }, bsb],
    [{ pattern: /\b(swift|bic)(\s*\/\s*(bic|swift))?(\s*code)?\b/i, weight: 0.85 }, bic],
  ];
  const find = (rules: [LabelRule, Shape][]) =>
    pickBest(rules.flatMap(([rule, shape]) => findLabelledValues(lines, [rule], bankCodeReader(shape))));
  return { bankAccount: find(account), bankRouting: find(routing) };
}
