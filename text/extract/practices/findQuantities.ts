import type { Span } from '../../../graph/model.js';
import { APPROXIMATIONS, CHINESE_UNITS, ENUMERATION_UNITS, UNITS, UNIT_NOT_FOLLOWED_BY, alternation } from './data.js';
import { parseNumber } from './parseNumber.js';
import { findPeriods } from './periods.js';

export { findPeriods, type Period } from './periods.js';

/** A number with its unit, before any indicator is attached. Offsets into the sentence. */
export interface Quantity {
  /** Start of the number. */
  start: number;
  /** End of the unit (and of an approximation word after it: 以上). */
  end: number;
  unitEnd: number;
  raw: string;
  value: number;
  unit: string;
  approx?: string;
  /** Seen but not a metric (per-unit allocation, range end, …): still ends the phrase before the next number. */
  rejected?: boolean;
}

const UNIT_ALT = alternation(UNITS);
const APPROX_ALT = alternation(APPROXIMATIONS);
// 2944件, 97.4%, 1.9万个, 5700余名, 200万元, 20万余人次, 1 处
const ARABIC = new RegExp(
  `(?<![\\d.A-Za-z])(\\d+(?:\\.\\d+)?)\\s*(?:([万亿])(?![元亩方]))?(${APPROX_ALT})?\\s*(${UNIT_ALT})(${APPROX_ALT})?`,
  'g',
);
// 三个, 两家, 十五名, 一百二十户 (a lone 一 is an article: 一个好班子)
const CHINESE = new RegExp(
  `(?<![第每零〇一二两三四五六七八九十百千万])((?:[二两三四五六七八九十]|一(?=[十百千]))[零〇一二三四五六七八九十百千]*)(余|多)?(${alternation(CHINESE_UNITS)})`,
  'g',
);
const QUOTED = /[“「『][^“”「」『』]*[”」』]/g;

const within = (spans: Span[], at: number): boolean => spans.some((s) => at >= s.start && at < s.end);

function unitBreaksWord(unit: string, next: string | undefined): boolean {
  const banned = UNIT_NOT_FOLLOWED_BY[unit];
  return !!banned && !!next && banned.includes(next);
}

function clauseBefore(text: string, at: number): string {
  return text.slice(0, at).split(/[，。；：,;:]/).pop() ?? '';
}

/**
 * 组织、发展、服务、治理四个维度 / 队伍保障、阵地保障、经济保障3个保障: a count right after a 、 list
 * that has exactly that many items counts the list's parts; it is not a metric.
 */
function enumerationCount(clause: string, unit: string, value: number): boolean {
  if (!ENUMERATION_UNITS.has(unit) || /等\s*$/.test(clause)) return false;
  // A quoted label before the list (“2”是…) is not one of its items.
  const bare = clause.replace(/^.*?“[^”]*”是/, '').replace(/[“”\s]/g, '');
  // 社区党组织和业主委员会两个主体: two items joined by 和 count the same way.
  const items = bare.includes('、') ? bare.split('、') : bare.split(/和|与|及/);
  if (items.length < 2 || items.length !== value || items.some((item) => !item || /\d/.test(item))) return false;
  // The first item carries the clause's verb (夯实队伍保障); the last one must be as short as the others
  // (村、社区联建功能型党组织2个 counts organisations, not the two words before it).
  const others = items.length > 2 ? items.slice(1, -1) : items.slice(0, 1);
  return items[items.length - 1].length <= Math.max(...others.map((item) => item.length)) + 2;
}

// “1+2+N”力量配置，即1名网格长、2名专职网格员…: a formula followed by its definition.
const FORMULA_DEFINED = /[“"](\d+(?:\+(?:\d+|[A-Za-z]))+)[”"][^，。；,;]{0,8}[，,]?\s*(?:即|就是|由|：|:)/g;

/** Where a formula's definition starts in the sentence, with its numeric terms. */
function formulaDefinitions(text: string): { from: number; terms: number[] }[] {
  return [...text.matchAll(FORMULA_DEFINED)].map((m) => ({
    from: m.index! + m[0].length,
    terms: m[1].split('+').filter((t) => /^\d+$/.test(t)).map(Number),
  }));
}

/** The numbers of a formula's definition are its terms (1名网格长 is the 1 of 1+2+N), not metrics. */
function formulaTermAt(definitions: { from: number; terms: number[] }[], at: number, value: number): boolean {
  return definitions.some((d) => at >= d.from && d.terms.includes(value));
}

/**
 * Numbers with units that can be metrics. Not: numbers inside quotes (names, slogans), periods
 * (2023年, 今年前8个月), the upper end of a range (30—50户), formula parts (1名专职网格员+…),
 * ordinals (第一), per-unit allocations (每个网格配备1名).
 */
export function findQuantities(text: string): Quantity[] {
  const blocked: Span[] = [
    ...[...text.matchAll(QUOTED)].map((m) => ({ start: m.index!, end: m.index! + m[0].length })),
    ...findPeriods(text),
  ];
  const formulaTerms = formulaDefinitions(text);
  const out: Quantity[] = [];
  const push = (start: number, unitEnd: number, end: number, numberText: string, unit: string, approx?: string): void => {
    if (unitBreaksWord(unit, text[unitEnd])) return;
    const value = parseNumber(numberText);
    if (value === undefined) return;
    const before = text.slice(Math.max(0, start - 12), start);
    const clause = clauseBefore(text, start);
    const nearClause = before.split(/[，。；：,;:]/).pop() ?? '';
    const rejected =
      within(blocked, start) ||
      // 30—50户 (upper end of a range), +3名 (formula part), 第1, “1个… (start of a quoted name)
      /[\d一二三四五六七八九十]\s*[—\-~～至到]\s*$/.test(before) ||
      /[+＋第“「]\s*$/.test(before) ||
      // 3.2 部分地区 (a section number at the start of a line)
      (/^[\s#*]*$/.test(text.slice(0, start)) && /^\d+\.\d+\s/.test(text.slice(start))) ||
      // 为每个网格配备1名, 每百户30平方米: allocations per unit, not totals
      /每[个一]/.test(clause) ||
      /每[^，。；]{0,2}$/.test(nearClause) ||
      formulaTermAt(formulaTerms, start, value) ||
      enumerationCount(clause, unit, value);
    out.push({ start, end, unitEnd, raw: text.slice(start, end), value, unit, approx, rejected });
  };
  for (const m of text.matchAll(ARABIC)) {
    const unitEnd = m.index! + m[0].length - (m[5]?.length ?? 0);
    push(m.index!, unitEnd, m.index! + m[0].length, m[1] + (m[2] ?? ''), m[4], m[3] ?? m[5]);
  }
  for (const m of text.matchAll(CHINESE)) {
    const end = m.index! + m[0].length;
    push(m.index!, end, end, m[1], m[3], m[2]);
  }
  return out.sort((a, b) => a.start - b.start);
}
