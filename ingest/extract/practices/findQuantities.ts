import type { Span } from '../../../graph/model.js';
import { APPROXIMATIONS, CHINESE_UNITS, PERIOD_PATTERNS, UNITS, UNIT_NOT_FOLLOWED_BY, alternation } from './data.js';
import { parseNumber } from './parseNumber.js';

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

export interface Period extends Span {
  text: string;
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
const PERIOD = new RegExp(PERIOD_PATTERNS.join('|'), 'g');
const QUOTED = /[“「『][^“”「」『』]*[”」』]/g;

export function findPeriods(text: string): Period[] {
  return [...text.matchAll(PERIOD)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0] }));
}

const within = (spans: Span[], at: number): boolean => spans.some((s) => at >= s.start && at < s.end);

function unitBreaksWord(unit: string, next: string | undefined): boolean {
  const banned = UNIT_NOT_FOLLOWED_BY[unit];
  return !!banned && !!next && banned.includes(next);
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
  const out: Quantity[] = [];
  const push = (start: number, unitEnd: number, end: number, numberText: string, unit: string, approx?: string): void => {
    if (unitBreaksWord(unit, text[unitEnd])) return;
    const value = parseNumber(numberText);
    if (value === undefined) return;
    const before = text.slice(Math.max(0, start - 12), start);
    const clause = before.split(/[，。；：,;:]/).pop() ?? '';
    const rejected =
      within(blocked, start) ||
      // 30—50户 (upper end of a range), +3名 (formula part), 第1, “1个… (start of a quoted name)
      /[\d一二三四五六七八九十]\s*[—\-~～至到]\s*$/.test(before) ||
      /[+＋第“「]\s*$/.test(before) ||
      // 3.2 部分地区 (a section number at the start of a line)
      (/^[\s#*]*$/.test(text.slice(0, start)) && /^\d+\.\d+\s/.test(text.slice(start))) ||
      // 为每个网格配备1名, 每百户30平方米: allocations per unit, not totals
      /每[个一]|每[^，。；]{0,2}$/.test(clause);
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
