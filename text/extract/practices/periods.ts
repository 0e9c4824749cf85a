import type { Span } from '../../../graph/model.js';
import { PERIOD_PATTERNS, SINCE_VERBS, alternation } from './data.js';

/** A period stated in a sentence (2025年, 上半年, 1—9月, 运行以来). Offsets into the sentence. */
export interface Period extends Span {
  text: string;
  /** The year the period names (2025年办结率 → 2025), when it names exactly one. */
  year?: number;
}

// A year range or a date must not start inside another number (12345 is not 2345年).
const PERIOD = new RegExp(
  `(?<![\\d.])(?:${[...PERIOD_PATTERNS, `(?:${alternation(SINCE_VERBS)})以来`].join('|')})`,
  'g',
);

function yearOf(text: string): number | undefined {
  const years = [...new Set([...text.matchAll(/(\d{4})(?=年)/g)].map((m) => Number(m[1])))];
  return years.length === 1 ? years[0] : undefined;
}

export function findPeriods(text: string): Period[] {
  return [...text.matchAll(PERIOD)].map((m) => {
    const period: Period = { start: m.index!, end: m.index! + m[0].length, text: m[0] };
    const year = yearOf(m[0]);
    if (year !== undefined) period.year = year;
    return period;
  });
}

/**
 * The period of a number at `at`: the last period stated before it in the sentence. A period never
 * reaches back, and a later one takes over from an earlier one (运行以来受理率…，2025年办结率…).
 * `skip` holds periods that date something else (the before value of a pair: 由去年的3584家).
 */
export function periodAt(periods: Period[], at: number, skip: (p: Period) => boolean = () => false): Period | undefined {
  return periods.filter((p) => p.end <= at && !skip(p)).pop();
}
