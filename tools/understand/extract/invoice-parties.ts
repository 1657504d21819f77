import { foldText, letterShare } from '../normalize/text.ts';
import type { DocumentView } from './document-view.ts';
import { type FieldCandidate, textReadFactor } from './field-candidate.ts';
import { findMerchantAddress } from './merchant-address.ts';

const NOT_VENDOR =
  /\b(invoice|order|contract|statement|receipt|page|print(ed)?|date|duplicate|original|copy|remit|bill(ing)?|ship|to|from|attention|tel|phone|fax)\b/;

/**
 * The vendor usually heads the first page: the first line there that reads like a name and is not a
 * document title or a header field. A weak rule, so its confidence stays low and review decides.
 */
export function findInvoiceParties(view: DocumentView): {
  vendorName: FieldCandidate | null;
  vendorAddress: FieldCandidate | null;
} {
  const firstPage = view.lines.filter((l) => l.page === 1).slice(0, 15);
  for (const line of firstPage) {
    const cell = line.cells[0] ?? line.words;
    const text = cell.map((w) => w.text).join(' ');
    if (
      letterShare(text) < 0.7 ||
      text.replace(/[^\p{L}]/gu, '').length < 3 ||
      NOT_VENDOR.test(foldText(text))
    )
      continue;
    const index = view.lines.indexOf(line);
    return {
      vendorName: {
        value: text,
        words: cell,
        page: 1,
        score: 0.45 * textReadFactor(cell),
        evidence: 'first name-like line',
      },
      vendorAddress: findMerchantAddress(view, index, { separator: ', ', isLeftColumn: true }),
    };
  }
  return { vendorName: null, vendorAddress: null };
}
