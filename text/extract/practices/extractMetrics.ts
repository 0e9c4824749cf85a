import type { Mention } from '../types.js';
import { normalizeKey, normalizeWidth } from '../../segment/index.js';
import { COMPARATORS, SUBJECT_WORDS } from './data.js';
import { findQuantities, type Quantity } from './findQuantities.js';
import { borrowObject, indicatorProblem, opensWithAbstract } from './indicatorCheck.js';
import { CUT, nounAfter, phraseBefore, type Change, type Indicator } from './metricIndicator.js';
import { pairAfter, type Pair } from './beforeAfter.js';
import { findPeriods, periodAt } from './periods.js';

const FUNCTION_WORDS = /^[由在将对为和与及从把向以了的]+$/;
// 聘请了一支36人: the phrase ends in another count, it is not an indicator.
const ENDS_IN_COUNT = /[一二两三四五六七八九十\d][个支名位家项]$/;

function cutBefore(text: string, q: Quantity, previousEnd: number): number {
  let cut = 0;
  for (let i = q.start - 1; i >= 0; i--) {
    if (CUT.test(text[i])) {
      cut = i + 1;
      break;
    }
  }
  return Math.max(cut, previousEnd);
}

function usable(indicator: Indicator | undefined, fromAfter: boolean): boolean {
  if (!indicator || !indicator.text) return false;
  const t = indicator.text;
  if (t.length > 24 || FUNCTION_WORDS.test(t) || ENDS_IN_COUNT.test(t) || COMPARATORS.includes(t)) return false;
  // 10个社区 counts communities; a bare 社区/全省 before a number is the subject, not the indicator.
  return fromAfter || (t.length >= 2 && !SUBJECT_WORDS.includes(t));
}

interface Previous {
  q: Quantity;
  indicator: string;
  change?: Change;
  /** Indicators of the sentence so far by unit: an elided object is that of the last metric of the same unit. */
  byUnit: Map<string, string>;
}

/**
 * Metrics in one sentence: a number with a unit and the indicator it measures (a noun of
 * measurement: 受理率, 网格, 解决各类问题 — not a verb, an adjective or a word that counts the parts
 * of an argument), the last period stated before it in the sentence (see periodAt), the direction of a
 * change (下降 → decrease), and for a before→after pair (从86个减到61个) one metric whose value is the
 * after value and valueBefore the before value. A number without an indicator is not a metric.
 */
export function extractMetrics(sentence: string): Mention[] {
  const text = normalizeWidth(sentence);
  const periods = findPeriods(text);
  const quantities = findQuantities(text);
  const out: Mention[] = [];
  let previousEnd = 0;
  let previous: Previous | undefined;
  // Periods inside a pair date its before value (由去年的3584家): they do not reach later numbers.
  const pairPeriods = new Set<number>();
  for (let i = 0; i < quantities.length; i++) {
    const q = quantities[i];
    const cut = cutBefore(text, q, previousEnd);
    previousEnd = Math.max(previousEnd, q.end);
    if (q.rejected) continue;
    const pair = pairAfter(text, q, quantities[i + 1], cut);
    const last = pair ? pair.after : q;
    const before = phraseBefore(text, cut, pair ? pair.markerStart : q.start, periods);
    const after = nounAfter(text, last);
    let change = pair ? pair.change : before?.change;
    let indicator = chooseIndicator(before, after, previous, q) ?? pair?.noun;
    const listContinues = !!previous && /^[\s、]*$/.test(text.slice(previous.q.end, q.start));
    if (previous && before && COMPARATORS.includes(before.text)) {
      // 实现地区生产总值7亿元，同比增长18% → 地区生产总值同比
      indicator = { ...before, text: previous.indicator + before.text };
    } else if (!indicator && previous && (listContinues || (change && before && !before.text))) {
      // 41%、8.1% (a list carries indicator and direction); 增加到4480家，增长8%
      indicator = { text: previous.indicator, start: q.start, end: q.start };
      change = change ?? (listContinues ? previous.change : undefined);
    }
    if (pair) {
      i++;
      previousEnd = Math.max(previousEnd, last.end);
    }
    if (pair) for (const p of periods) if (p.start >= pair.markerStart && p.end <= last.start) pairPeriods.add(p.start);
    if (!indicator || !indicator.text) continue;
    const stated = periodAt(periods, pair ? pair.markerStart : q.start, (p) => pairPeriods.has(p.start));
    const period = pair?.afterPeriod ? { text: pair.afterPeriod, year: findPeriods(pair.afterPeriod)[0]?.year } : stated;
    out.push(toMention(sentence, indicator, last, pair, period, change));
    previousEnd = Math.max(previousEnd, indicator.end, last.end);
    const byUnit = previous?.byUnit ?? new Map<string, string>();
    byUnit.set(last.unit, indicator.text);
    previous = { q: last, indicator: indicator.text, change, byUnit };
  }
  return out;
}

/** The phrase before the number when a strong trigger joins them, else the noun after the unit, else the phrase before. */
function chooseIndicator(before: Indicator | undefined, after: Indicator | undefined, previous: Previous | undefined, q: Quantity): Indicator | undefined {
  const candidates: [Indicator | undefined, boolean][] = before?.strong ? [[before, false], [after, true]] : [[after, true], [before, false]];
  for (const [candidate, fromAfter] of candidates) {
    if (!candidate || !usable(candidate, fromAfter)) continue;
    const problem = fromAfter && opensWithAbstract(candidate.text) ? 'abstract' : indicatorProblem(candidate.text);
    if (!problem) return candidate;
    // 5个方面, 三个时间节点: the number counts an abstract noun; the words before it are not what it counts.
    if (problem === 'abstract' && fromAfter) return undefined;
    // 受理事件17033件，处置16871件: an elided object is the previous metric's (处置事件).
    const sameUnit = previous?.byUnit.get(q.unit);
    if (problem === 'verb' && sameUnit) {
      const borrowed = borrowObject(candidate.text, sameUnit);
      if (borrowed) return { ...candidate, text: borrowed };
    }
  }
  return undefined;
}

function toMention(
  sentence: string,
  indicator: Indicator,
  q: Quantity,
  pair: Pair | undefined,
  period: { text: string; year?: number } | undefined,
  change: Change | undefined,
): Mention {
  const props: Record<string, string | number | boolean | null> = {
    value: q.value,
    raw: sentence.slice(q.start, q.end),
    unit: q.unit,
    indicator: indicator.text,
  };
  if (period) props.period = period.text;
  if (period?.year !== undefined) props.year = period.year;
  if (change) props.change = change;
  if (q.approx) props.approx = q.approx;
  if (pair) {
    props.valueBefore = pair.before.value;
    props.rawBefore = sentence.slice(pair.before.start, pair.before.end);
  }
  const key = `${normalizeKey(indicator.text)}|${q.value}${q.unit}${period ? `|${normalizeKey(period.text)}` : ''}`;
  const start = Math.min(indicator.start, pair ? pair.markerStart : q.start);
  return {
    type: 'metric',
    name: `${indicator.text} ${sentence.slice(q.start, q.unitEnd).replace(/\s+/g, '')}`,
    key,
    start,
    end: Math.max(indicator.end, q.end),
    props,
  };
}
