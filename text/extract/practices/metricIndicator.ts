import { segment, type Token } from '../../segment/index.js';
import {
  AFTER_STOP_WORDS,
  LEAD_VERBS,
  SCOPE_TRIGGERS,
  SUBJECT_WORDS,
  TRAILING_ADVERBS,
  TRIGGER_CHANGE,
  VALUE_TRIGGERS,
  WEAK_TRIGGERS,
} from './data.js';
import type { Period, Quantity } from './findQuantities.js';

export type Change = 'increase' | 'decrease';

export interface Indicator {
  text: string;
  start: number;
  end: number;
  change?: Change;
  /** A strong trigger (达, 超过, 下降) joined the phrase to the number. */
  strong?: boolean;
}

// 5万元工作经费: money may be followed by what it is; a percentage never is.
const NO_NOUN_AFTER = new Set(['%']);
const MONEY_UNITS = new Set(['万元', '亿元', '元']);
const NOMINAL_TAG = /^(n|nr|ns|nt|nz|ng|nrt|vn|pn|b|an|a|j|zg|l|k|x|t)$/;
const BOUNDARY_TAG = /^(uj|ul|p|c)$/;
const QUOTES = /[“”「」『』]/g;
export const CUT = /[，。；：！？,;:!?（）()[\]【】]/;

/**
 * Number + unit + noun: 1529个网格, 39个党员先锋岗, 1123平方米违法建筑, 3个行政执法部门.
 * A noun phrase of jieba tokens; one verb may sit inside it (执法队伍, 燃气使用场所) when the
 * phrase then runs to a boundary (、 的 和 or the end), else the phrase stops before the verb.
 */
export function nounAfter(text: string, q: Quantity): Indicator | undefined {
  if (NO_NOUN_AFTER.has(q.unit) || q.end !== q.unitEnd) return undefined;
  const rest = text.slice(q.end, q.end + 24);
  if (!/^[\p{Script=Han}“]/u.test(rest) || /^(以|左右)/.test(rest)) return undefined;
  if (rest.startsWith('的')) return MEASURE_UNITS.has(q.unit) ? nounAfterOf(text, q) : undefined;
  const tokens = segment(rest.split(CUT)[0]).filter((t) => t.word.trim());
  // 2200万元入股园区企业: after money a verb starts the predicate, not a noun phrase.
  if (MONEY_UNITS.has(q.unit) && /^v/.test(tokens[0]?.tag ?? '')) return undefined;
  const isHan = (w: string): boolean => /^[\p{Script=Han}A-Za-z\d]+$/u.test(w);
  const boundary = (i: number): boolean => {
    const t = tokens[i];
    return !t || t.word === '、' || BOUNDARY_TAG.test(t.tag);
  };
  const nominal = (i: number): boolean => {
    const t = tokens[i];
    if (!t || AFTER_STOP_WORDS.has(t.word)) return false;
    if (/^[“”]$/.test(t.word)) return true;
    if (!isHan(t.word) || !NOMINAL_TAG.test(t.tag)) return false;
    // 青年职工 (jieba tags 青年 as time): a time word only before a noun, never as the head (企业当年签约).
    if (t.tag === 't') return !!tokens[i + 1] && /^(n|nr|ns|nt|nz|ng|vn)$/.test(tokens[i + 1].tag);
    // Unknown words and abbreviations first or inside a phrase (中小企业, 党建网格), not as its tail (年均增收).
    if ((t.tag !== 'x' && t.tag !== 'j') || i === 0) return true;
    const next = tokens[i + 1];
    return boundary(i + 1) || (!!next && next.tag !== 'x' && next.tag !== 'j' && NOMINAL_TAG.test(next.tag));
  };
  // A verb may modify the head noun (执法队伍, 燃气使用场所, 社会组织): at most one nominal token
  // before it and one after it up to a boundary; otherwise it is the predicate (网格员逐门…走访).
  let count = 0;
  if (tokens[0]?.tag === 'v' && nominal(1)) {
    // 1支执法队伍, 9个干支线机场: a verb right after the unit modifies the noun run that follows.
    let run = 1;
    while (nominal(run)) run++;
    if (boundary(run)) count = run;
  }
  while (count < tokens.length && nominal(count)) count++;
  const t = tokens[count];
  if (count > 0 && t?.tag === 'c' && tokens[count + 1] && !/^[\d一二两三四五六七八九十]/.test(tokens[count + 1].word)) {
    // 5个中央和省级扶持…项目: the count reaches over the coordination to a later head; take the
    // whole coordinated noun phrase, or nothing when a predicate follows (the head is out of reach).
    let j = count + 1;
    while (nominal(j) || (j > count + 1 && tokens[j]?.tag === 'v' && boundary(j + 1))) j++;
    if (j === count + 1 || !boundary(j)) return undefined;
    count = j;
  }
  const relative = relativeClause(tokens, count);
  if (relative) {
    // 83个群众关注的问题, 30余场形式多样的家庭教育实践活动: the count belongs to the noun after 的.
    // A describing word before 的 is dropped (形式多样的), a clause is kept (群众关注的问题).
    const full = rest.slice(0, relative.end).replace(QUOTES, '');
    const head = rest.slice(relative.headStart, relative.end).replace(QUOTES, '');
    const keepFull = full.length <= MAX_RELATIVE_LENGTH && (relative.clause || head.length < 4);
    const words = keepFull ? full : head;
    const start = keepFull ? q.end : q.end + relative.headStart;
    return { text: words, start, end: q.end + relative.end };
  }
  if (t && t.tag === 'v' && count > 0 && count <= 2) {
    const modifierBeforeHead = nominal(count + 1) && boundary(count + 2);
    const headAtEnd = count === 1 && (!tokens[count + 1] || tokens[count + 1].word === '、');
    if (modifierBeforeHead) count += 2;
    else if (headAtEnd) count += 1;
  }
  if (count === 0) return undefined;
  const end = tokens[count - 1].end;
  const words = rest.slice(0, end).replace(QUOTES, '');
  if (!words || rest[end] === '+') return undefined;
  return { text: words, start: q.end, end: q.end + end };
}

// Area, length and weight may describe what follows through 的 (150平方米的综治中心); counts of people or items may not (200户的小区).
const MEASURE_UNITS = new Set(['平方米', '平方公里', '公里', '米', '亩', '万亩', '吨', '万方']);
const MAX_RELATIVE_LENGTH = 16;
const HEAD_AFTER_DE = /^的([\p{Script=Han}A-Za-z\d]{1,12}?)(?=$|[、和与及的，。；：,;:])/u;

function nounAfterOf(text: string, q: Quantity): Indicator | undefined {
  const m = HEAD_AFTER_DE.exec(text.slice(q.end, q.end + 16).split(CUT)[0]);
  return m ? { text: m[1], start: q.end + 1, end: q.end + m[0].length } : undefined;
}

/**
 * A modifier phrase of at most two tokens (a noun, a verb, an idiom) followed by 的 and a head noun
 * phrase that runs to a boundary: [headStart, end) is the head, offsets into the text after the unit.
 */
function relativeClause(tokens: Token[], count: number): { headStart: number; end: number; clause: boolean } | undefined {
  let de = count;
  let clause = false;
  while (de < tokens.length && de <= count + 1 && tokens[de].word !== '的') {
    if (!/^(v|vd|vn|a|ad|d|l|i)$/.test(tokens[de].tag)) return undefined;
    if (/^(v|vd|vn|d)$/.test(tokens[de].tag)) clause = true;
    de++;
  }
  // 形式多样的 is an idiom before 的 with nothing in front: a description, not a clause.
  if (count === 0) clause = false;
  if (tokens[de]?.word !== '的' || de === 0) return undefined;
  const noun = (i: number): boolean => !!tokens[i] && /^(n|nr|ns|nt|nz|ng|vn|l|j|x|b)$/.test(tokens[i].tag) && /^[\p{Script=Han}]+$/u.test(tokens[i].word);
  let end = de + 1;
  // 家庭教育实践活动: a verb inside the head noun phrase when a noun follows it.
  while (noun(end) || (tokens[end]?.tag === 'v' && noun(end + 1) && end > de + 1)) end++;
  if (end === de + 1) return undefined;
  const headStart = tokens[de + 1].start;
  const last = tokens[end - 1].end;
  return last - headStart <= 12 ? { headStart, end: last, clause } : undefined;
}

const PLACE_SUFFIX = /(?:省|市|区|县|旗|州|盟|镇|乡|街道|社区|村)$/;
const GENERIC_AREA = /(?:小区|园区|景区|片区|校区|辖区|城区|社区)$/;

/**
 * 鼓楼区12345热线工单办结量, 西宁市城中区划分网格: a place name opening the phrase is the subject,
 * not part of the indicator. A place is a run of at most three noun tokens ending in an
 * administrative suffix (not a generic area word: 老旧小区改造 keeps 老旧小区).
 */
function afterPlacePrefix(text: string, start: number, end: number): number {
  for (let guard = 0; guard < 3; guard++) {
    const tokens = segment(text.slice(start, end)).filter((t) => t.word.trim());
    let stripped = 0;
    for (let k = 1; k <= Math.min(3, tokens.length - 1); k++) {
      const run = tokens.slice(0, k);
      const name = text.slice(start + run[0].start, start + run[k - 1].end);
      if (!run.every((t) => /^(ns|nr|nz|n|j|x|zg)$/.test(t.tag) && /^[\p{Script=Han}]+$/u.test(t.word))) break;
      if (name.length >= 3 && PLACE_SUFFIX.test(name) && !GENERIC_AREA.test(name)) {
        stripped = run[k - 1].end;
        break;
      }
    }
    if (!stripped || end - start - stripped < 2) break;
    start += stripped;
  }
  return start;
}

const startsWithAny = (span: string, list: string[]): string | undefined => list.find((w) => span.startsWith(w));
const endsWithAny = (span: string, list: string[]): string | undefined => list.find((w) => span.endsWith(w));

/**
 * Indicator + trigger + number: 满意率达97.4%, 共解决各类问题2944件, 环比下降30.8%.
 * [start, end) is the text between the cut (punctuation, previous quantity) and the number.
 */
export function phraseBefore(text: string, from: number, to: number, periods: Period[]): Indicator | undefined {
  let start = from;
  let end = to;
  const skipSpace = (): void => {
    while (start < end && /[\s、的]/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
  };
  skipSpace();
  const leadingPeriod = periods.find((p) => p.start === start);
  if (leadingPeriod) {
    start = leadingPeriod.end;
    skipSpace();
  }
  let change: Change | undefined;
  let strong = false;
  const trigger = endsWithAny(text.slice(start, end), VALUE_TRIGGERS);
  if (trigger) {
    change = TRIGGER_CHANGE[trigger] ?? undefined;
    strong = !WEAK_TRIGGERS.has(trigger);
    end -= trigger.length;
  }
  // 各类市场主体由去年的3584家: drop 由 + period + 的 before the number.
  const tail = /[由从]?(?:今年|去年|上年|年初|原来|原先|原有)?的?$/.exec(text.slice(start, end));
  if (tail && tail[0]) end -= tail[0].length;
  for (let adverb = endsWithAny(text.slice(start, end), TRAILING_ADVERBS); adverb; adverb = endsWithAny(text.slice(start, end), TRAILING_ADVERBS)) {
    if (end - adverb.length - start < 2) break;
    end -= adverb.length;
  }
  // 平台上线以来共受理诉求: a period inside the phrase closes the topic before it.
  const inner = periods.filter((p) => p.start > start && p.end <= end).pop();
  if (inner) start = inner.end;
  start = afterPlacePrefix(text, start, end);
  let scoped = false;
  for (;;) {
    const span = text.slice(start, end);
    // 全省2023年累计选聘…: a period after the subject is not part of the indicator either.
    const period = periods.find((p) => p.start === start);
    let hit = period ? period.text : startsWithAny(span, SUBJECT_WORDS);
    if (!hit && (hit = startsWithAny(span, SCOPE_TRIGGERS))) scoped = true;
    else if (!hit && !scoped) hit = startsWithAny(span, LEAD_VERBS);
    // 化解率100%: keep the verb when stripping it would leave a single character; 化解3198件: keep a
    // verb that is the whole phrase (extractMetrics lets it borrow the object of the metric before).
    if (!hit || end - start - hit.length <= 1) break;
    start += hit.length;
    if (start >= end) break;
  }
  const words = text.slice(start, end).replace(QUOTES, '').trim();
  if (!words) return change ? { text: '', start, end: start, change } : undefined;
  return { text: words, start, end, change, strong };
}
