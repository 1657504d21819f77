import type { TextLine } from '../layout/text-line.ts';
import { type FieldCandidate, pickBest } from './field-candidate.ts';
import type { BoxValueOptions } from './tax-form-boxes.ts';
import { findBoxValues } from './tax-form-boxes.ts';
import { formatTin, readTin, type TinType } from './tax-form-readers.ts';

/** A TIN label, and the type its box holds when the label says ("Social security number"). */
export type TinRule = { pattern: RegExp; weight: number; type?: TinType };

export type TinCandidate = FieldCandidate<{ tin: string; type: TinType }>;

/**
 * The TIN under or beside one of `rules`' labels, formatted with its dashes. Its type is the grouping as
 * printed ("12-3456789") or else the label's; a grouping that contradicts the label costs confidence, and
 * nine bare digits under a label that does not say the type are not a TIN the contract can hold.
 */
export function findTin(
  lines: readonly TextLine[],
  rules: readonly TinRule[],
  options: BoxValueOptions = {},
): TinCandidate | null {
  const candidates: TinCandidate[] = [];
  for (const rule of rules) {
    for (const found of findBoxValues(lines, [rule], readTin, options)) {
      const type = found.value.type ?? rule.type;
      if (!type) continue;
      const disagrees =
        rule.type !== undefined && found.value.type !== null && found.value.type !== rule.type;
      const digits = found.value.tin.replace(/-/g, '');
      candidates.push({
        ...found,
        value: { tin: formatTin(digits, type), type },
        score: found.score * (disagrees ? 0.6 : 1),
      });
    }
  }
  return pickBest(candidates, (v) => v.tin);
}
