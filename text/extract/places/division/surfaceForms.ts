import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdminLevel } from '../../../../graph/model.js';

const DATA = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'data', 'ethnicGroups.json');
let ethnic: string[] | undefined;
/** Longest first, so 维吾尔族 is stripped before 维吾尔. */
const ethnicGroups = (): string[] =>
  (ethnic ??= (JSON.parse(fs.readFileSync(DATA, 'utf8')) as { groups: string[] }).groups.sort((a, b) => b.length - a.length));

/** 黔东南苗族侗族 → 黔东南, 新疆维吾尔 → 新疆; a base shorter than two characters is kept whole (内蒙古). */
export function stripEthnic(base: string): string {
  let out = base;
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of ethnicGroups()) {
      if (out.endsWith(group) && out.length - group.length >= 2) {
        out = out.slice(0, out.length - group.length);
        changed = true;
        break;
      }
    }
  }
  return out;
}

export interface SurfaceForms {
  /** Written with an administrative suffix: accepted wherever they stand on word boundaries. */
  full: string[];
  /** Without a suffix (甘肃, 兰州, 巴中): only provinces and prefectures, accepted with extra checks. */
  short: string[];
}

const PROVINCE_SUFFIX = /(特别行政区|自治区|省|市)$/;
const PREFECTURE_SUFFIX = /(自治州|地区|市|盟)$/;
const AUTONOMOUS_COUNTY = /(自治县|自治旗)$/;

/**
 * How reports write a division-list name: 甘肃省 / 甘肃, 临夏回族自治州 / 临夏州 / 临夏,
 * 民和回族土族自治县 / 民和县, 某某街道办事处 / 某某街道, 某某社区居民委员会 / 某某社区.
 */
export function surfaceForms(name: string, level: AdminLevel): SurfaceForms {
  // The common cases first, without building sets: most of the 45,000 rows are plain towns and streets.
  if (level === 'township' && !name.endsWith('办事处')) return { full: [name], short: [] };
  if (level === 'community') return { full: communityForms(name), short: [] };
  const full = new Set([name]);
  const short = new Set<string>();
  if (level === 'province') {
    const base = stripEthnic(name.replace(PROVINCE_SUFFIX, ''));
    if (base !== name && base.length >= 2) short.add(base);
  } else if (level === 'prefecture') {
    const suffix = name.match(PREFECTURE_SUFFIX)?.[1];
    const base = stripEthnic(name.replace(PREFECTURE_SUFFIX, ''));
    if (suffix === '自治州' && base.length >= 2) full.add(`${base}州`);
    if (suffix && base.length >= 2) short.add(base);
  } else if (level === 'county') {
    const suffix = name.match(AUTONOMOUS_COUNTY)?.[1];
    const base = stripEthnic(name.replace(AUTONOMOUS_COUNTY, ''));
    if (suffix && base.length >= 2) full.add(base + (suffix === '自治县' ? '县' : '旗'));
  } else if (level === 'township') {
    if (name.endsWith('街道办事处')) full.add(name.slice(0, -3));
    if (name.endsWith('办事处') && !name.endsWith('街道办事处') && name.length > 5) full.add(`${name.slice(0, -3)}街道`);
  }
  return { full: [...full], short: [...short] };
}

/** Village committees as reports write them: …社区居民委员会 → …社区, …村民委员会 / …村委会 → …村. */
const COMMUNITY_ENDINGS: [ending: string, written: string[]][] = [
  ['社区居民委员会', ['社区']],
  ['社区居委会', ['社区']],
  ['村民委员会', ['村']],
  ['村委会', ['村']],
  ['居民委员会', ['社区', '居委会']],
  ['居委会', ['社区', '居委会']],
];

export function communityForms(name: string): string[] {
  for (const [ending, written] of COMMUNITY_ENDINGS) {
    if (!name.endsWith(ending)) continue;
    const base = name.slice(0, name.length - ending.length);
    return written.map((e) => base + e).filter((f) => f.length >= 3);
  }
  return [name];
}
