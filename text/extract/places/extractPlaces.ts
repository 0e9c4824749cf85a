import { normalizeKey, normalizeWidth, segment, type Token } from '../../segment/index.js';
import type { AdminLevel } from '../../../graph/model.js';
import { refOf, type Extraction, type Mention, type RelationCandidate } from '../types.js';
import { divisionIndex } from './division/divisionIndex.js';
import { scopedCommunities } from './division/documentScope.js';
import { findSuffixed } from './findSuffixed.js';
import { isPlausiblePlaceName, levelOf, lookupPlace, rankOf, splitSuffix } from './gazetteer.js';
import { organizationSpans } from './organizationNames.js';
import {
  ANON,
  CJK,
  COMMITTEE_MARKERS,
  GENERIC_PLACE_WORDS,
  PLACE_SUFFIXES,
  STOP_PREFIXES,
  tokenBoundaries,
} from './lexicon.js';

type Source = 'division' | 'pattern' | 'anonymised' | 'ns' | 'stack' | 'list';

interface Candidate {
  start: number;
  end: number;
  /** The name as written (spaces of `xx 街道` removed). */
  surface: string;
  source: Source;
}

const PRIORITY: Record<Source, number> = { division: 3, pattern: 2, anonymised: 3, ns: 2, stack: 1, list: 1 };
/** Tags of words that may be part of a name when a token is longer than one character. */
const NAME_TAGS = /^(x|nr|nrt|nrfg|ns|nz|n|ng|j|t|f)$/;
/** Tags of a one-character token that may start a name (元山村, 三南村), never a quantifier or particle. */
const HEAD_TAGS = /^(m|a|n|nr|ns|ng|b|x|j)$/;

const committeeFollows = (text: string, at: number): boolean => COMMITTEE_MARKERS.some((m) => text.startsWith(m, at));

/**
 * Region mentions of one sentence, and LOCATED_IN between stacked names (西固区福利路街道 →
 * 福利路街道 LOCATED_IN 西固区). A name must start on a jieba token boundary; it is accepted when it
 * is a gazetteer name, an anonymised `xx 街道`, a place-tagged (ns) token ending in a suffix or
 * followed by one, a name stacked right after an accepted place, or a sibling in a `、` list.
 */
export function extractPlaces(sentence: string, tokens?: Token[]): Extraction {
  const text = normalizeWidth(sentence);
  const toks = tokens ?? segment(sentence);
  const bounds = tokenBoundaries(toks);
  for (const cut of divisionBoundaries(toks)) bounds.add(cut);
  const inOrganization = organizationSpans(text, toks);
  const candidates = [...findAnonymised(text, bounds), ...findDivision(text, toks, bounds), ...findTagged(toks), ...findPatterns(text, toks)].filter(
    (c) => !inOrganization.some((o) => o.start <= c.start && c.end <= o.end),
  );
  let accepted = resolveOverlaps(candidates);
  for (let round = 0; round < 4; round++) {
    const extra = [...findStacked(toks, accepted), ...findListed(text, bounds, accepted)];
    const merged = resolveOverlaps([...accepted, ...extra]);
    if (merged.length === accepted.length) break;
    accepted = merged;
  }
  const mentions = accepted.map(toMention);
  return { mentions, relations: stackRelations(text, mentions) };
}

function findAnonymised(text: string, bounds: Set<number>): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(ANON)) {
    let p = m.index! + m[0].length;
    while (text[p] === ' ') p++;
    for (let mid = 0; mid <= 2; mid++) {
      const middle = text.slice(p, p + mid);
      if (mid > 0 && (!CJK.test(middle) || STOP_PREFIXES.some((s) => middle.startsWith(s)))) break;
      let q = p + mid;
      while (mid > 0 && text[q] === ' ') q++;
      const entry = PLACE_SUFFIXES.find((s) => !s.namedOnly && text.startsWith(s.suffix, q));
      if (!entry) continue;
      const end = q + entry.suffix.length;
      if (GENERIC_PLACE_WORDS.has(middle + entry.suffix)) break;
      if (!bounds.has(end) && !committeeFollows(text, end) && CJK.test(text[end] ?? '')) break;
      out.push({ start: m.index!, end, surface: text.slice(m.index!, end).replace(/\s+/g, ''), source: 'anonymised' });
      break;
    }
  }
  return out;
}

const BARE_SUFFIXES = new Set(PLACE_SUFFIXES.map((s) => s.suffix));
/** Longest division-list name tried at one position (新疆维吾尔自治区 has eight characters; a few towns have more). */
const MAX_DIVISION_NAME = 12;
/** Characters that continue a name as its suffix or a street: 大同 in 大同镇, 酒泉 in 酒泉路街道. */
const NAME_CONTINUES = /^[省市州盟区县旗镇乡村街路巷道里社]/;
/** Common words that begin with a place suffix: a name does not end inside one of them. */
const SUFFIX_WORDS = ['区域', '区划', '区间', '区别', '市场', '市民', '市级', '县城', '县域', '县级', '乡村', '乡镇', '乡亲', '乡土', '镇域', '镇级', '村民', '村级', '村庄', '街道办'];
const isDivisionName = (s: string): boolean => divisionIndex().withSuffix(s).length > 0 || divisionIndex().withoutSuffix(s).length > 0;
/** jieba tags under which a bare 兰州 / 天水 names the place (大同/d in 现代化大同, 安康/nr in 幸福安康 do not). */
const SHORT_FORM_TAGS = /^(ns|n|nz|j|x)$/;

/** Verbs and adjectives that a few streets are named after (建设街道 in 建设街道综合养老服务中心). */
const VERB_TAGS = /^(v|vn|vd)$/;
/** Adjectives name streets too (清远街道), but only at the head of a clause (一些先进街道 is a kind of street). */
const ADJECTIVE_TAGS = /^(a|ad|an)$/;
function commonWordName(surface: string, at: number, tokenAt: Map<number, Token>, level: AdminLevel, opensClause: boolean): boolean {
  if (rankOf(level) < rankOf('township')) return false;
  const part = tokenAt.get(at);
  const namePart = splitSuffix(surface)?.namePart;
  if (part === undefined || part.word !== namePart) return false;
  return VERB_TAGS.test(part.tag) || (ADJECTIVE_TAGS.test(part.tag) && !opensClause);
}

/**
 * Names of the national division list: written with their suffix (酒泉路街道, 武侯区, 黔东南州) on
 * word boundaries, or provinces and prefectures without it (甘肃, 兰州) when jieba reads them as one
 * noun-like word that no suffix follows.
 */
function findDivision(text: string, toks: Token[], bounds: Set<number>): Candidate[] {
  const out: Candidate[] = [];
  const tokenAt = new Map(toks.map((t) => [t.start, t]));
  for (let at = 0; at < text.length; at++) {
    if (!CJK.test(text[at]) || !(bounds.has(at) || !CJK.test(text[at - 1] ?? ''))) continue;
    for (let len = Math.min(MAX_DIVISION_NAME, text.length - at); len >= 2; len--) {
      const surface = text.slice(at, at + len);
      const end = at + len;
      if (GENERIC_PLACE_WORDS.has(surface) || BARE_SUFFIXES.has(surface)) continue;
      const index = divisionIndex();
      const listed = index.withSuffix(surface).length ? index.withSuffix(surface) : scopedCommunities(surface);
      if (listed.length) {
        if (commonWordName(surface, at, tokenAt, listed[0].level, !CJK.test(text[at - 1] ?? '')) && !committeeFollows(text, end)) continue;
        // 孝泉镇江河村: jieba reads 镇江, yet a listed name with its suffix may end inside a word,
        // unless the suffix starts a common word (城关区域, 县城, 乡村).
        const endInsideWord = !bounds.has(end) && CJK.test(text[end] ?? '') && !committeeFollows(text, end);
        if (!endInsideWord || (surface.length >= 3 && !SUFFIX_WORDS.some((w) => text.startsWith(w, end - 1)))) {
          out.push({ start: at, end, surface, source: 'division' });
          bounds.add(end);
          break;
        }
        continue;
      }
      if (index.withoutSuffix(surface).length) {
        const token = tokenAt.get(at);
        const wholeWord = token?.end === end && SHORT_FORM_TAGS.test(token.tag);
        // 山西大同/ns cut into 山西 | 大同 by divisionBoundaries.
        const covering = toks.find((t) => t.start <= at && end <= t.end);
        const insideName = covering !== undefined && covering.word.length > end - at && covering.tag.startsWith('ns') && bounds.has(end);
        const next = tokenAt.get(end);
        const suffixFollows = next ? NAME_CONTINUES.test(next.word) && (next.word.length === 1 || /^(街道|社区)/.test(next.word)) : false;
        // Company names start with their place (广东 + 雪印: 地名 + 字号): an unknown word after it is a brand.
        const brandFollows = next !== undefined && next.tag === 'x' && CJK.test(next.word) && !STOP_PREFIXES.some((p) => next.word.startsWith(p));
        if ((wholeWord || insideName) && !suffixFollows && !brandFollows) {
          out.push({ start: at, end, surface, source: 'division' });
          break;
        }
      }
    }
  }
  return out;
}

function findPatterns(text: string, toks: Token[]): Candidate[] {
  return findSuffixed(text, toks).map((f) => ({ ...f, source: 'pattern' as const }));
}

/**
 * Word boundaries inside a place-tagged token made of division names (山西大同 → 山西 | 大同), so
 * each part can be found; a token that does not split into names exactly keeps its boundaries.
 */
function divisionBoundaries(toks: Token[]): number[] {
  const out: number[] = [];
  const index = divisionIndex();
  const known = (s: string): boolean => index.withSuffix(s).length > 0 || index.withoutSuffix(s).length > 0;
  for (const t of toks) {
    if (!t.tag.startsWith('ns') || t.word.length < 4 || known(t.word)) continue;
    const cuts: number[] = [];
    let at = 0;
    while (at < t.word.length) {
      let len = t.word.length - at;
      while (len >= 2 && !known(t.word.slice(at, at + len))) len--;
      if (len < 2) break;
      at += len;
      cuts.push(t.start + at);
    }
    if (at === t.word.length) out.push(...cuts);
  }
  return out;
}

/** Place-tagged tokens: 青海省, 民和县, 城西 + 街道, 元 + 山村, 平城 + 区委. */
function findTagged(toks: Token[]): Candidate[] {
  const out: Candidate[] = [];
  toks.forEach((t, i) => {
    if (!t.tag.startsWith('ns') || !CJK.test(t.word)) return;
    const split = splitSuffix(t.word);
    const prev = toks[i - 1];
    const next = toks[i + 1];
    if (split) {
      if (split.namePart.length >= 2) {
        if (isPlausiblePlaceName(t.word)) out.push({ start: t.start, end: t.end, surface: t.word, source: 'ns' });
        return;
      }
      const before = toks[i - 2];
      // 狮 + 山 + 新村: a one-character head after another one is the middle of a longer name.
      const headInsideName = before && prev && before.end === prev.start && before.word.length === 1 && CJK.test(before.word) && HEAD_TAGS.test(before.tag);
      const headOk =
        !headInsideName &&
        prev &&
        prev.end === t.start &&
        prev.word.length === 1 &&
        CJK.test(prev.word) &&
        HEAD_TAGS.test(prev.tag) &&
        !STOP_PREFIXES.includes(prev.word) &&
        (prev.tag === 'm' || !GENERIC_PLACE_WORDS.has(t.word));
      const surface = prev ? prev.word + t.word : '';
      // 大 + 兰州 is 兰州 with an adjective, not a place called 大兰州.
      if (isDivisionName(t.word)) return;
      // 元 + 山村: a numeral-like head makes a name of a common word (山村 alone is not a place).
      if (headOk && isPlausiblePlaceName(surface, { allowGenericEnding: prev.tag === 'm' })) out.push({ start: prev.start, end: t.end, surface, source: 'ns' });
      return;
    }
    if (!next || next.start !== t.end) return;
    const entry = PLACE_SUFFIXES.find(
      (s) => next.word === s.suffix || (next.word.startsWith(s.suffix) && committeeFollows(next.word, s.suffix.length)),
    );
    if (!entry) return;
    const surface = t.word + entry.suffix;
    if (isPlausiblePlaceName(surface)) out.push({ start: t.start, end: t.end + entry.suffix.length, surface, source: 'ns' });
  });
  return out;
}

/** A name written right after an accepted wider place (铜仁市万山区丹都街道): up to three name tokens and a suffix. */
function findStacked(toks: Token[], accepted: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const place of accepted) {
    const outer = rankOf(levelOf(place.surface) ?? (place.source === 'anonymised' ? splitSuffix(place.surface)?.entry.level : undefined));
    let first = toks.findIndex((t) => t.start === place.end);
    // 孝泉 | 镇江 | 河村: jieba joined the outer suffix to the inner name; the inner name starts mid-word.
    const crossing = first < 0 ? toks.findIndex((t) => t.start < place.end && place.end < t.end) : -1;
    if (first < 0 && crossing < 0) continue;
    if (first < 0) first = crossing;
    let surface = '';
    for (let k = first; k < first + 4 && k < toks.length; k++) {
      const t = toks[k];
      const word = k === crossing ? t.word.slice(place.end - t.start) : t.word;
      if (!CJK.test(word) || (k !== crossing && t.word.length > 1 && !NAME_TAGS.test(t.tag))) break;
      surface += word;
      const split = splitSuffix(surface);
      if (!split) continue;
      const inner = rankOf(split.entry.level);
      // 旧县 | 村 after 旧县镇: a first word that ends like a wider place (县) is only part of the name.
      if (inner <= outer) continue;
      if (isPlausiblePlaceName(surface, { allowNamedOnly: outer === rankOf('community') })) {
        out.push({ start: place.end, end: t.end, surface, source: 'stack' });
      }
      break;
    }
  }
  return out;
}

/** Siblings in a `、` list share the suffix of a known member: 廖家槽村、元山村、赖家坡村. */
function findListed(text: string, bounds: Set<number>, accepted: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const place of accepted) {
    const split = splitSuffix(place.surface);
    if (!split || place.source === 'anonymised') continue;
    const suffix = split.entry.suffix;
    if (text[place.end] === '、') {
      const p = place.end + 1;
      for (let len = suffix.length + 2; len <= suffix.length + 4; len++) {
        const word = text.slice(p, p + len);
        if (word.endsWith(suffix) && bounds.has(p + len) && isPlausiblePlaceName(word)) {
          out.push({ start: p, end: p + len, surface: word, source: 'list' });
          break;
        }
      }
    }
    if (text[place.start - 1] === '、') {
      const q = place.start - 1;
      for (let len = suffix.length + 4; len >= suffix.length + 2; len--) {
        const s = q - len;
        const word = text.slice(Math.max(0, s), q);
        if (s >= 0 && word.endsWith(suffix) && bounds.has(s) && isPlausiblePlaceName(word)) {
          out.push({ start: s, end: q, surface: word, source: 'list' });
          break;
        }
      }
    }
  }
  return out;
}

/** Keeps the best of overlapping candidates: gazetteer and anonymised first, then the longest. */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const ranked = [...candidates].sort(
    (a, b) => PRIORITY[b.source] - PRIORITY[a.source] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of ranked) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function toMention(c: Candidate): Mention {
  const known = c.source === 'anonymised' ? undefined : lookupPlace(c.surface);
  const name = known?.name ?? c.surface;
  const mention: Mention = {
    type: 'region',
    name,
    key: normalizeKey(name),
    start: c.start,
    end: c.end,
    level: known?.level ?? splitSuffix(c.surface)?.entry.level,
    props: { source: c.source },
  };
  if (c.surface !== name) mention.aliases = [c.surface];
  if (c.source === 'anonymised') mention.anonymised = true;
  return mention;
}

/** LOCATED_IN between adjacent names that narrow down (贵阳市观山湖区金阳街道金元社区), evidence = the stacked span. */
function stackRelations(text: string, mentions: Mention[]): RelationCandidate[] {
  const relations: RelationCandidate[] = [];
  let run: Mention[] = [];
  const flush = (): void => {
    for (let i = 1; i < run.length; i++) {
      relations.push({
        type: 'LOCATED_IN',
        from: refOf(run[i]),
        to: refOf(run[i - 1]),
        start: run[0].start,
        end: run[run.length - 1].end,
        props: { source: 'text' },
      });
    }
    run = [];
  };
  for (const m of mentions) {
    const last = run[run.length - 1];
    const adjacent = last && /^\s*$/.test(text.slice(last.end, m.start)) && rankOf(m.level) > rankOf(last.level);
    if (!adjacent) flush();
    run.push(m);
  }
  flush();
  return relations;
}
