import type { Mention } from '../types.js';
import { normalizeKey, normalizeWidth } from '../../segment/index.js';
import { COMPARATORS, SUBJECT_WORDS } from './data.js';
import { findPeriods, findQuantities, type Quantity } from './findQuantities.js';
import { CUT, nounAfter, phraseBefore, type Change, type Indicator } from './metricIndicator.js';

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

/**
 * Metrics in one sentence: a number with a unit and the indicator it measures, the period the
 * sentence states (上半年, 5月至8月: carried to later numbers of the sentence) and the direction
 * of a change (下降 → decrease). A number without an indicator is not a metric.
 */
export function extractMetrics(sentence: string): Mention[] {
  const text = normalizeWidth(sentence);
  const periods = findPeriods(text);
  const out: Mention[] = [];
  let previousEnd = 0;
  let previous: { q: Quantity; indicator: string; change?: Change } | undefined;
  for (const q of findQuantities(text)) {
    const cut = cutBefore(text, q, previousEnd);
    previousEnd = Math.max(previousEnd, q.end);
    if (q.rejected) continue;
    const before = phraseBefore(text, cut, q.start, periods);
    const after = nounAfter(text, q);
    let change = before?.change;
    let indicator: Indicator | undefined;
    if (before?.strong && usable(before, false)) indicator = before;
    else if (usable(after, true)) indicator = after;
    else if (usable(before, false)) indicator = before;
    const listContinues = !!previous && /^[\s、]*$/.test(text.slice(previous.q.end, q.start));
    if (previous && before && COMPARATORS.includes(before.text)) {
      // 实现地区生产总值7亿元，同比增长18% → 地区生产总值同比
      indicator = { ...before, text: previous.indicator + before.text };
    } else if (!indicator && previous && (listContinues || (change && before && !before.text))) {
      // 41%、8.1% (a list carries indicator and direction); 由1.84万人增加到2.71万人
      indicator = { text: previous.indicator, start: q.start, end: q.start };
      change = change ?? (listContinues ? previous.change : undefined);
    }
    if (!indicator || !indicator.text) continue;
    const period = [...periods].reverse().find((p) => p.end <= q.start)?.text;
    const props: Record<string, string | number | boolean | null> = {
      value: q.value,
      raw: sentence.slice(q.start, q.end),
      unit: q.unit,
      indicator: indicator.text,
    };
    if (period) props.period = period;
    if (change) props.change = change;
    if (q.approx) props.approx = q.approx;
    const key = `${normalizeKey(indicator.text)}|${q.value}${q.unit}${period ? `|${normalizeKey(period)}` : ''}`;
    const end = Math.max(indicator.end, q.end);
    out.push({
      type: 'metric',
      name: `${indicator.text} ${sentence.slice(q.start, q.unitEnd).replace(/\s+/g, '')}`,
      key,
      start: Math.min(indicator.start, q.start),
      end,
      props,
    });
    previousEnd = Math.max(previousEnd, end);
    previous = { q, indicator: indicator.text, change };
  }
  return out;
}
