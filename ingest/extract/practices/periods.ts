import type { Span } from '../../../graph/model.js';
import { PERIOD_PATTERNS, SINCE_VERBS, STANDALONE_TAILS, alternation } from './data.js';

/** A period stated in a sentence (2025年, 上半年, 1—9月, 运行以来). Offsets into the sentence. */
export interface Period extends Span {
  text: string;
  /** The year the period names (2025年办结率 → 2025), when it names exactly one. */
  year?: number;
}

/** Where a period applies: the rest of the sentence, or only its own clause. */
export interface BoundPeriod extends Period {
  scope: 'sentence' | 'clause';
  clauseEnd: number;
}

// A year range or a date must not start inside another number (12345 is not 2345年).
const PERIOD = new RegExp(
  `(?<![\\d.])(?:${[...PERIOD_PATTERNS, `(?:${alternation(SINCE_VERBS)})以来`].join('|')})`,
  'g',
);
const CLAUSE_BREAK = /[，,；;：:。！？!?]/;
const STANDALONE = new RegExp(`^\\s*(?:${alternation(STANDALONE_TAILS)})?\\s*$`);

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
 * The reach of each period. Reports set the time of a whole sentence at its start (上半年共解决…，
 * 满意率达97.4%) or in a clause of its own (；1至8月，累计完成…), but a period inside a later clause
 * dates only that clause: in `运行以来受理率91.2%，2025年办结率87.6%` 2025年 is not the period of
 * 受理率, and 运行以来 is not the period of 办结率.
 */
export function bindPeriods(text: string, periods: Period[]): BoundPeriod[] {
  return periods.map((p) => {
    let clauseStart = p.start;
    while (clauseStart > 0 && !CLAUSE_BREAK.test(text[clauseStart - 1])) clauseStart--;
    let clauseEnd = p.end;
    while (clauseEnd < text.length && !CLAUSE_BREAK.test(text[clauseEnd])) clauseEnd++;
    // After ； a new statement begins: its opening period covers it as a sentence-opening one would.
    const firstClause = !CLAUSE_BREAK.test(text.slice(0, clauseStart)) || /[；;]\s*$/.test(text.slice(0, clauseStart));
    const opensClause = /^[\s在自从于]*$/.test(text.slice(clauseStart, p.start));
    const standalone = opensClause && STANDALONE.test(text.slice(p.end, clauseEnd));
    return { ...p, scope: firstClause || standalone ? 'sentence' : 'clause', clauseEnd };
  });
}

/** The period of a number at `at`: one in its own clause first, else the last sentence-wide one before it. */
export function periodAt(bound: BoundPeriod[], at: number): BoundPeriod | undefined {
  const before = bound.filter((p) => p.end <= at);
  const inClause = before.filter((p) => p.scope === 'clause' && at < p.clauseEnd).pop();
  return inClause ?? before.filter((p) => p.scope === 'sentence').pop();
}
