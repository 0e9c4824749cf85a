import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdminLevel } from '../../../graph/model.js';
import { normalizeKey } from '../../segment/index.js';
import { CJK, GENERIC_PLACE_WORDS, LEVEL_RANK, PLACE_SUFFIXES, STOP_PREFIXES, type SuffixEntry } from './lexicon.js';

export interface Place {
  /** Canonical name: the key of every alias. */
  name: string;
  level: AdminLevel;
  parent?: string;
  aliases: string[];
}

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'gazetteer.json');
type PlaceEntry = Omit<Place, 'aliases'> & { aliases?: string[] };
const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { places: PlaceEntry[] };

const byName = new Map<string, Place>();
const bySurface = new Map<string, Place>();
for (const entry of raw.places) {
  const place: Place = { ...entry, aliases: entry.aliases ?? [] };
  byName.set(place.name, place);
  for (const surface of [place.name, ...place.aliases]) bySurface.set(surface, place);
}

/** Every surface form (canonical names and aliases), longest first. */
export const GAZETTEER_SURFACES: string[] = [...bySurface.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));

/** The known place a surface form names (巴中 → 巴中市), if any. */
export function lookupPlace(surface: string): Place | undefined {
  return bySurface.get(surface);
}

/** The place itself, then its parent, up to the province (福利路街道 › 西固区 › 兰州市 › 甘肃省). */
export function ancestors(name: string): Place[] {
  const chain: Place[] = [];
  let place = byName.get(name) ?? bySurface.get(name);
  while (place && !chain.includes(place)) {
    chain.push(place);
    place = place.parent ? byName.get(place.parent) : undefined;
  }
  return chain;
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

/** Level of a place name: the gazetteer's, else the suffix table's. */
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
  if (!options.allowGenericEnding && GENERIC_ENDINGS.some((w) => name.endsWith(w))) return false;
  if (STOP_PREFIXES.some((p) => namePart.startsWith(p))) return false;
  // A name part that is itself a bare admin word (市州, 县区) is a category, not a name.
  if (PLACE_SUFFIXES.some((s) => namePart === s.suffix)) return false;
  return true;
}
