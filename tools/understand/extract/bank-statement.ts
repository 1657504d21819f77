import type { ExtractedField } from '../../documents/extraction-result.ts';
import { moneyToCents } from '../normalize/money.ts';
import { dateRangeReader } from './date-readers.ts';
import type { DocumentView } from './document-view.ts';
import { type FieldCandidate, pickBest, toExtractedField } from './field-candidate.ts';
import { findLabelledValues } from './labelled-values.ts';
import { readMoney } from './money-reader.ts';
import { findBankName, findHolderAboveAddress } from './statement-parties.ts';
import {
  ACCOUNT_RULES,
  CLOSING_RULES,
  HOLDER_RULES,
  OPENING_RULES,
  PERIOD_RULES,
  readAccountLast4,
} from './statement-rules.ts';
import { findStatementTable, type StatementTable, type TableBalance } from './statement-table.ts';
import { readName } from './value-readers.ts';

/** The year printed most often, for row dates without one when no period was found. */
function commonYear(text: string): number | undefined {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/\b(19[89]\d|20\d\d)\b/g))
    counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function fromTable(balance: TableBalance | undefined): FieldCandidate[] {
  if (!balance) return [];
  const value = `${balance.cents < 0 ? '-' : ''}${(Math.abs(balance.cents) / 100).toFixed(2)}`;
  return [{ value, words: balance.words, page: balance.page, score: 0.8, evidence: balance.evidence }];
}

/**
 * Opening + transactions = closing is the statement's own checksum. Among the balances read (summary
 * labels, brought/carried-forward rows, the running balance), a pair that satisfies it wins and all three
 * fields gain confidence; when none does, the best-labelled ones stand with less.
 */
function settleBalances(
  openings: FieldCandidate[],
  closings: FieldCandidate[],
  table: StatementTable | null,
): { opening: FieldCandidate | null; closing: FieldCandidate | null; isBalanced: boolean } {
  if (table) {
    const movement = table.transactions.reduce((sum, t) => sum + moneyToCents(t.amount), 0);
    const pairs = openings.flatMap((o) =>
      closings
        .filter((c) => moneyToCents(o.value) + movement === moneyToCents(c.value))
        .map((c) => ({ o, c, score: o.score + c.score })),
    );
    const best = pairs.sort((a, b) => b.score - a.score)[0];
    if (best) {
      const boost = (candidates: FieldCandidate[], value: string) => {
        const picked = pickBest(candidates.filter((c) => c.value === value))!;
        return { ...picked, score: picked.score + (1 - picked.score) * 0.6 };
      };
      return {
        opening: boost(openings, best.o.value),
        closing: boost(closings, best.c.value),
        isBalanced: true,
      };
    }
  }
  const lower = (c: FieldCandidate | null) => (c && table ? { ...c, score: c.score * 0.85 } : c);
  return { opening: lower(pickBest(openings)), closing: lower(pickBest(closings)), isBalanced: false };
}

/** Rules extractor for bank statements: issuer, holder, account, period, balances and every transaction. */
export function extractBankStatement(view: DocumentView): Record<string, ExtractedField> {
  const fields: Record<string, ExtractedField> = {};
  const put = <T>(name: string, candidate: FieldCandidate<T> | null) => {
    if (candidate) fields[name] = toExtractedField(candidate);
  };
  const { lines, dateOrder } = view;
  const bank = findBankName(view);
  put('bank_name', bank);
  put('account_number_last4', pickBest(findLabelledValues(lines, ACCOUNT_RULES, readAccountLast4)));
  const period = pickBest(
    findLabelledValues(lines, PERIOD_RULES, dateRangeReader(dateOrder), { rightScope: 'line' }),
    (v) => `${v.start}/${v.end}`,
  );
  if (period) {
    put('period_start', { ...period, value: period.value.start });
    if (period.value.end) put('period_end', { ...period, value: period.value.end });
  }
  const table = findStatementTable(view, {
    ...(period && { start: period.value.start, ...(period.value.end && { end: period.value.end }) }),
    fallbackYear: commonYear(view.text),
  });
  const outside = table ? lines.filter((_, i) => !table.lineIndexes.has(i)) : lines;
  const holders = findLabelledValues(lines, HOLDER_RULES, readName, {
    maxGapHeights: 12,
    labelNearCellStart: true,
  });
  const tableStart = table ? Math.min(...table.lineIndexes) : lines.length;
  const unlabelled = findHolderAboveAddress(view, bank?.value, tableStart);
  put('account_holder', pickBest([...holders, ...(unlabelled ? [unlabelled] : [])]));
  const options = { rightScope: 'line', lookBelow: false } as const;
  const { opening, closing, isBalanced } = settleBalances(
    [...findLabelledValues(outside, OPENING_RULES, readMoney, options), ...fromTable(table?.opening)],
    [...findLabelledValues(outside, CLOSING_RULES, readMoney, options), ...fromTable(table?.closing)],
    table,
  );
  put('opening_balance', opening);
  put('closing_balance', closing);
  if (table) {
    const score = isBalanced ? table.score + (1 - table.score) * 0.7 : table.score * 0.6;
    put('transactions', {
      value: table.transactions,
      words: table.words,
      page: table.page,
      score,
      evidence: 'table',
    });
  }
  return fields;
}
