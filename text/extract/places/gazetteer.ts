import type { AdminLevel } from '../../../graph/model.js';
import { normalizeKey } from '../../segment/index.js';
import { divisionIndex, type Division } from './division/divisionIndex.js';
import { CJK, GENERIC_PLACE_WORDS, LEVEL_RANK, PLACE_SUFFIXES, STOP_PREFIXES, type SuffixEntry } from './lexicon.js';

export interface Place {
  /** Canonical name: the name as written with its suffix, else the list's full name (巴中 → 巴中市). */
  name: string;
  level: AdminLevel;
  aliases: string[];
  /** Every division the name can be (one for 酒泉路街道, 30-odd for 新华街道). */
  candidates: Division[];
}

const widestFirst = (a: Division, b: Division): number => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.code.localeCompare(b.code);

/**
 * The division-list place a surface form names: 酒泉路街道, 黔东南州 (written with a suffix) or
 * 巴中 → 巴中市, 甘肃 → 甘肃省 (a province or prefecture without its suffix).
 */
export function lookupPlace(surface: string): Place | undefined {
  const index = divisionIndex();
  const full = index.withSuffix(surface);
  if (full.length) {
    const sorted = [...full].sort(widestFirst);
    return { name: surface, level: sorted[0].level, aliases: [], candidates: sorted };
  }
  const short = index.withoutSuffix(surface);
  if (short.length) {
    const sorted = [...short].sort(widestFirst);
    const name = sorted[0].displayName;
    return { name, level: sorted[0].level, aliases: [surface], candidates: sorted.filter((d) => d.displayName === name) };
  }
  return undefined;
}

/** Whether a surface is a province or prefecture written without its suffix (兰州, 甘肃). */
export const isShortForm = (surface: string): boolean => divisionIndex().withoutSuffix(surface).length > 0;

/** A division as a place (its list name; the names reports write are its surface forms). */
export function placeOf(division: Division): Place {
  return { name: division.displayName, level: division.level, aliases: [], candidates: [division] };
}

/**
 * The place itself, then its ancestors up to the province, when the name is one division only
 * (福利路街道 › 西固区 › 兰州市 › 甘肃省); a name shared by several divisions has no known lineage.
 */
export function ancestors(name: string): Place[] {
  const candidates = lookupPlace(name)?.candidates ?? [];
  if (candidates.length !== 1) return [];
  return divisionIndex().lineage(candidates[0].code).map(placeOf);
}

export const placeKey = (name: string): string => normalizeKey(lookupPlace(name)?.name ?? name);

/** The administrative suffix a name ends with (福利路街道 → 街道), longest first. */
export function splitSuffix(name: string): { namePart: string; entry: SuffixEntry } | undefined {
  for (const entry of PLACE_SUFFIXES) {
    if (name.length > entry.suffix.length && name.endsWith(entry.suffix)) {
      return { namePart: name.slice(0, name.length - entry.suffix.length), entry };
    }
  }
  return undefined;
}

/** Level of a place name: the division list's, else the suffix table's. */
export function levelOf(name: string): AdminLevel | undefined {
  return lookupPlace(name)?.level ?? splitSuffix(name)?.entry.level;
}

export const rankOf = (level: AdminLevel | undefined): number => (level ? LEVEL_RANK[level] : 99);

/** Rule-found names are short: 庄浪西路社区 has a four-character name part. */
const MAX_NAME_PART = 6;
const GENERIC_ENDINGS = [...GENERIC_PLACE_WORDS].filter((w) => w.length >= 2);

/**
 * Whether a name found by a rule (not by the gazetteer) can be a place name: it ends with a
 * suffix, its name part has at least two Chinese characters, is not a generic word (城市, 辖区,
 * 示范村) and does not start with a stop prefix (个, 让, 全, 该, 基层, 部分 …).
 */
export function isPlausiblePlaceName(
  name: string,
  options: { allowNamedOnly?: boolean; allowGenericEnding?: boolean } = {},
): boolean {
  if (GENERIC_PLACE_WORDS.has(name)) return false;
  const split = splitSuffix(name);
  if (!split) return false;
  if (split.entry.namedOnly && !options.allowNamedOnly) return false;
  const { namePart } = split;
  if (namePart.length < 2 || !CJK.test(namePart)) return false;
  if (GENERIC_PLACE_WORDS.has(namePart) || namePart.length > MAX_NAME_PART) return false;
  // 兰水家属区, 全国乡村治理示范村, …党建引领城市: the head is a common word, not a suffix.
  // A generic word that is only the suffix itself (片区, 新城) says nothing against the name before it.
  if (!options.allowGenericEnding && GENERIC_ENDINGS.some((w) => name.endsWith(w) && w.length > split.entry.suffix.length)) return false;
  if (STOP_PREFIXES.some((p) => namePart.startsWith(p))) return false;
  // A name part that is itself a bare admin word (市州, 县区) is a category, not a name.
  if (PLACE_SUFFIXES.some((s) => namePart === s.suffix)) return false;
  return true;
}
