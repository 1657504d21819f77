import type { DateOrder } from '../normalize/date.ts';
import { datesInSpan } from './dates-in-span.ts';
import type { ValueReader } from './labelled-values.ts';

export type DateRange = { start: string; end?: string };

/** The first date right of or under a label; an unsettled day/month reading lowers the quality. */
export function dateReader(order: DateOrder | null): ValueReader<string> {
  return (words) => {
    const hit = datesInSpan(words, order)[0];
    if (!hit) return null;
    return {
      value: hit.value,
      words: hit.words,
      quality: (hit.isAmbiguous ? 0.7 : 1) * (hit.isRepaired ? 0.75 : 1),
    };
  };
}

/** A range "a - b", "a to b", "a thru b": the first two dates in order; a single date gives only the start. */
export function dateRangeReader(order: DateOrder | null): ValueReader<DateRange> {
  return (words) => {
    const hits = datesInSpan(words, order).slice(0, 2);
    const first = hits[0];
    if (!first) return null;
    const second = hits[1];
    const isAmbiguous = hits.some((h) => h.isAmbiguous);
    if (second && second.value >= first.value) {
      return {
        value: { start: first.value, end: second.value },
        words: [...first.words, ...second.words],
        quality: isAmbiguous ? 0.7 : 1,
      };
    }
    return { value: { start: first.value }, words: first.words, quality: isAmbiguous ? 0.6 : 0.8 };
  };
}
