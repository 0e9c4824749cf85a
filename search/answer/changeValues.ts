/**
 * Before → after figures read where they are written: `由原来的每人联系400户调整为每人联系260户`,
 * `从2022年的3900元提高到目前的5100元`. Pure functions over one sentence.
 */

const NUMBER = String.raw`\d+(?:\.\d+)?(?:万|亿)?`;
const UNIT = '人次|万元|亿元|平方米|公里|小时|分钟|户|个|件|人|名|元|天|次|家|亩|岁|条|项|所|处|支|场|%|％';
const CHANGE_VERB =
  '调整为|调整到|减少到|减少至|减至|下降到|下降至|降至|降到|降低到|降低至|提高到|提高至|提升到|提升至|提升为|增加到|增加至|增至|增长到|增长至|缩短到|缩短至|缩短为|扩大到|扩大至|压缩到|压缩至|变为|改为|上升到|上升至|到';

/** One figure before and one after, the words that lead into them, and the years written with each. */
export interface ChangePair {
  before: string;
  after: string;
  /** The words before 由/从 and between the figures: what the figures measure. */
  context: string;
  start: number;
  end: number;
}

const CONTEXT_BEFORE = 16;

const PAIR = new RegExp(
  `(由|从)([^，。；,;]{0,14}?)(${NUMBER})(${UNIT})([^，。；,;\\d]{0,4}?)(?:${CHANGE_VERB})([^，。；,;\\d]{0,10}?)(${NUMBER})(${UNIT})?`,
  'g',
);

/** Every 由/从 X … 调整为/减少到/提高到 … Y in the sentence; Y takes X's unit when it has none. */
export function changePairs(sentence: string): ChangePair[] {
  const out: ChangePair[] = [];
  for (const m of sentence.matchAll(PAIR)) {
    const [, , lead, before, unit, between, beforeAfter, after, afterUnit] = m;
    // 从…到 with different units is a range of two things, not one figure changing.
    if (afterUnit && afterUnit.replace('％', '%') !== unit.replace('％', '%')) continue;
    // What is measured is named just before (联系户数进行了调整，由…), often across a comma.
    const context = `${sentence.slice(Math.max(0, m.index! - CONTEXT_BEFORE), m.index!)}${lead}${between}${beforeAfter}`;
    out.push({ before: `${before}${unit}`, after: `${after}${afterUnit ?? unit}`, context, start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

const YEAR_BEFORE = /((?:19|20)\d{2})\s*年(?:的|底|末|初|时|换届时)?[^，。；\d]{0,4}$/;

/** The year written right before a figure (由2022年的3900元): whose year the figure is, or undefined. */
export function yearBefore(sentence: string, raw: string, from = 0): number | undefined {
  const at = sentence.indexOf(raw, from);
  if (at < 0) return undefined;
  const m = YEAR_BEFORE.exec(sentence.slice(Math.max(0, at - 12), at));
  return m ? Number(m[1]) : undefined;
}

/**
 * Which side of a before → after metric a year asked for names: `由2023年的81.6%提高到100%` → 2023 is
 * the before side; the after side only when its own year is written. undefined when neither.
 */
export function sideOfYear(sentence: string, rawBefore: string, raw: string, year: number): 'before' | 'after' | undefined {
  const beforeAt = sentence.indexOf(rawBefore);
  if (beforeAt >= 0 && yearBefore(sentence, rawBefore) === year) return 'before';
  if (yearBefore(sentence, raw, beforeAt >= 0 ? beforeAt + rawBefore.length : 0) === year) return 'after';
  return undefined;
}
