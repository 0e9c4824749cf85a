import { MULTIPLIERS } from './data.js';

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 三 → 3, 十五 → 15, 二十 → 20, 三百二十 → 320, 一千二百 → 1200, 三万 → 30000. */
export function parseChineseNumeral(text: string): number | undefined {
  if (!/^[零〇一二两三四五六七八九十百千万亿]+$/.test(text)) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch in DIGITS) digit = DIGITS[ch];
    else if (ch in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[ch];
      digit = undefined;
    } else {
      const big = ch === '万' ? 10_000 : 100_000_000;
      total += (section + (digit ?? 0)) * big;
      section = 0;
      digit = undefined;
    }
  }
  return total + section + (digit ?? 0);
}

/**
 * The value of a number as written in a metric: Arabic (2944, 97.4), with a 万/亿 multiplier
 * (1.9万 → 19000), or Chinese numerals (三 → 3). Undefined when it is not a number.
 */
export function parseNumber(raw: string): number | undefined {
  const text = raw.replace(/[\s,，]/g, '');
  const arabic = /^(\d+(?:\.\d+)?)([万亿])?$/.exec(text);
  if (arabic) {
    const value = Number(arabic[1]) * (arabic[2] ? MULTIPLIERS[arabic[2]] : 1);
    return Math.round(value * 1e6) / 1e6;
  }
  return parseChineseNumeral(text);
}
