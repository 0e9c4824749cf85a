import type { Token } from '../../segment/index.js';
import { divisionIndex } from './division/divisionIndex.js';
import { isPlausiblePlaceName, splitSuffix } from './gazetteer.js';
import { CJK, GENERIC_PLACE_WORDS, LOCATIVE_VERBS, PLACE_FOLLOWERS, STOP_PREFIXES, TOPONYM_ENDINGS } from './lexicon.js';

export interface SuffixedName {
  start: number;
  end: number;
  surface: string;
}

/** Suffixes that make a place of the words before them (西水磨村, 重熙社区, 敦煌路街道). */
const STRONG = ['居委会', '街道', '社区', '镇', '乡', '村'];
/** Zones and quarters: only after a proper name (兰州新区, 高新区 of a named city), never after a common noun (食品园区, 文化街区). */
const WEAK = ['开发区', '高新区', '园区', '片区', '街区', '新区', '新城'];
/** Tags of words that may make up a name part; a verb, adverb, pronoun, preposition or measure word ends it. */
const RUN_TAGS = /^(x|nr|nrt|nrfg|ns|nz|n|ng|j|f|zg|b|s|g)$/;
/** Adjectives and time words start names (幸福里社区, 青年路社区) but never end one (不同类型社区 has no name, 近年来社区 neither). */
const INNER_TAGS = /^(a|t)$/;
const PROPER_TAGS = /^(x|nr|nrt|nrfg|ns|nz|j|s)$/;
const MAX_NAME_PART = 6;
const isDivisionName = (s: string): boolean => divisionIndex().withSuffix(s).length > 0 || divisionIndex().withoutSuffix(s).length > 0;
const TOWNSHIP = ['街道', '镇', '乡'];
const FUNCTION_TAGS = /^(v|p|c|u|ul|uj|uz|ug|ud|d)$/;
const PLACE_PREPOSITIONS = new Set(['在', '到', '于', '从', '赴', '至']);

/**
 * Whether the words around a suffix word make it a named place. jieba tags many verbs as nouns
 * or unknown words (构筑/n 社区, 做强/x 街道), so the tags alone cannot tell 重熙社区 from 细化社区:
 * the name must be followed by its own body (党支部, 居委会, 办事处), or preceded by a word that
 * places someone there (家住, 位于), or end in a place-name character (路, 巷, 寨, 园) and open its
 * clause.
 */
function contextAllows(
  text: string,
  start: number,
  end: number,
  namePart: string,
  options: { township: boolean; zone: boolean; before: Token | undefined },
): boolean {
  const { township, zone, before } = options;
  const rest = text.slice(end);
  // Nearly every street and town is in the division list: one outside it must at least look like a name.
  if (township && !TOPONYM_ENDINGS.has(namePart[namePart.length - 1])) return false;
  if (PLACE_FOLLOWERS.some((w) => rest.startsWith(w))) return true;
  if (LOCATIVE_VERBS.some((v) => text.slice(0, start).endsWith(v))) return true;
  const previous = text[start - 1] ?? '';
  // 打造了 | 畅家巷社区, 在 | 石家寨村: after a verb, particle or preposition the name starts its phrase.
  const opensPhrase = previous === '' || !CJK.test(previous) || (before !== undefined && before.end === start && FUNCTION_TAGS.test(before.tag));
  if (!opensPhrase) return false;
  // A zone after a proper name (涧西科创园区), or a complete phrase on its own (相邻的上蜜蜂村，).
  const closesPhrase = !CJK.test(text[end] ?? '') && before !== undefined && (before.tag === 'uj' || PLACE_PREPOSITIONS.has(before.word));
  return zone || (closesPhrase && !township) || TOPONYM_ENDINGS.has(namePart[namePart.length - 1]);
}

/**
 * Places the division list does not have (new or renamed streets, villages, zones): a suffix word
 * after a run of up to three name-like words, accepted in the contexts of `contextAllows`. Zone
 * suffixes (园区, 片区, 新区) also need a proper name in front (食品园区 is a kind, not a name).
 */
export function findSuffixed(text: string, toks: Token[]): SuffixedName[] {
  const out: SuffixedName[] = [];
  toks.forEach((t, i) => {
    const suffix = [...WEAK, ...STRONG].find((s) => t.word.endsWith(s) && t.word.length <= s.length + 1);
    let end = t.end;
    // 太和 | 村村 | 集体: a doubled suffix word is this name's suffix and the start of the next word.
    if (suffix && t.word === suffix + suffix) end = t.start + suffix.length;
    if (!suffix) return;
    const weak = WEAK.includes(suffix);
    // The run of name words before the suffix token, nearest first.
    const run: Token[] = [];
    for (let j = i - 1; j >= 0 && run.length < 3; j--) {
      const prev = toks[j];
      const after = run[0] ?? t;
      const tagOk = RUN_TAGS.test(prev.tag) || (INNER_TAGS.test(prev.tag) && run.length > 0);
      if (prev.end !== after.start || !CJK.test(prev.word) || !tagOk) break;
      if (STOP_PREFIXES.includes(prev.word) || GENERIC_PLACE_WORDS.has(prev.word)) break;
      // 旧县镇 | 鹿苑村: a place before the name is its parent (findStacked), not part of it.
      if (splitSuffix(prev.word) || isDivisionName(prev.word)) break;
      run.unshift(prev);
    }
    // Longest plausible name first: 杨家园社区 before 家园社区.
    for (let k = 0; k < run.length; k++) {
      const parts = run.slice(k);
      const start = parts[0].start;
      const before = toks[i - run.length + k - 1];
      const surface = text.slice(start, end);
      if (surface.length - suffix.length > MAX_NAME_PART) continue;
      const bodyFollows = PLACE_FOLLOWERS.some((w) => text.startsWith(w, end));
      if (weak && !parts.some((p) => PROPER_TAGS.test(p.tag)) && !bodyFollows) continue;
      if (parts.length === 1 && parts[0].word.length === 1 && t.word === suffix) continue;
      if (!isPlausiblePlaceName(surface, { allowGenericEnding: weak }) || !contextAllows(text, start, end, surface.slice(0, surface.length - suffix.length), { township: TOWNSHIP.includes(suffix), zone: weak, before })) continue;
      out.push({ start, end, surface });
      break;
    }
  });
  return out;
}
