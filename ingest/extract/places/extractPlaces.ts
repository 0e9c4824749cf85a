import { normalizeKey, normalizeWidth, segment, type Token } from '../../segment/index.js';
import { refOf, type Extraction, type Mention, type RelationCandidate } from '../types.js';
import { GAZETTEER_SURFACES, isPlausiblePlaceName, levelOf, lookupPlace, rankOf, splitSuffix } from './gazetteer.js';
import {
  ANON,
  CJK,
  COMMITTEE_MARKERS,
  GENERIC_PLACE_WORDS,
  KNOWN_ORGANIZATIONS,
  PLACE_SUFFIXES,
  STOP_PREFIXES,
  tokenBoundaries,
} from './lexicon.js';

type Source = 'gazetteer' | 'anonymised' | 'ns' | 'stack' | 'list';

interface Candidate {
  start: number;
  end: number;
  /** The name as written (spaces of `xx 街道` removed). */
  surface: string;
  source: Source;
}

const PRIORITY: Record<Source, number> = { gazetteer: 3, anonymised: 3, ns: 2, stack: 1, list: 1 };
/** Tags of words that may be part of a name when a token is longer than one character. */
const NAME_TAGS = /^(x|nr|nrt|nrfg|ns|nz|n|ng|j)$/;
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
  const inOrganization = organizationSpans(text);
  const candidates = [...findAnonymised(text, bounds), ...findGazetteer(text, bounds), ...findTagged(toks)].filter(
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

/** Known organization names hide the places they contain (广东雪印, 甘肃农业大学, 山西日报). */
function organizationSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const org of KNOWN_ORGANIZATIONS) {
    for (const name of [org.name, ...(org.aliases ?? [])]) {
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) spans.push({ start: at, end: at + name.length });
    }
  }
  return spans;
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

/** Gazetteer surfaces by first character, each knowing whether it carries its suffix: worked out once, not per sentence. */
const SURFACES_BY_FIRST = new Map<string, { surface: string; full: boolean; rank: number }[]>();
for (const [rank, surface] of GAZETTEER_SURFACES.entries()) {
  const list = SURFACES_BY_FIRST.get(surface[0]) ?? [];
  list.push({ surface, full: splitSuffix(surface) !== undefined, rank });
  SURFACES_BY_FIRST.set(surface[0], list);
}

function findGazetteer(text: string, bounds: Set<number>): Candidate[] {
  const out: Candidate[] = [];
  const firsts = new Set([...text].filter((ch) => SURFACES_BY_FIRST.has(ch)));
  // In GAZETTEER_SURFACES order (longest first), as later overlap resolution expects.
  const surfaces = [...firsts].flatMap((ch) => SURFACES_BY_FIRST.get(ch)!).sort((a, b) => a.rank - b.rank);
  for (const { surface, full } of surfaces) {
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
      const end = at + surface.length;
      const startOk = bounds.has(at) || !CJK.test(text[at - 1] ?? '');
      const endOk = bounds.has(end) || (full && committeeFollows(text, end));
      if (startOk && endOk) out.push({ start: at, end, surface, source: 'gazetteer' });
    }
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
      const headOk =
        prev &&
        prev.end === t.start &&
        prev.word.length === 1 &&
        CJK.test(prev.word) &&
        HEAD_TAGS.test(prev.tag) &&
        !STOP_PREFIXES.includes(prev.word) &&
        (prev.tag === 'm' || !GENERIC_PLACE_WORDS.has(t.word));
      const surface = prev ? prev.word + t.word : '';
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

/** A name written right after an accepted wider place (铜仁市万山区丹都街道): up to three tokens and a suffix. */
function findStacked(toks: Token[], accepted: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const place of accepted) {
    const outer = rankOf(levelOf(place.surface) ?? (place.source === 'anonymised' ? splitSuffix(place.surface)?.entry.level : undefined));
    const first = toks.findIndex((t) => t.start === place.end);
    if (first < 0) continue;
    let surface = '';
    for (let k = first; k < first + 3 && k < toks.length; k++) {
      const t = toks[k];
      if (!CJK.test(t.word) || (t.word.length > 1 && !NAME_TAGS.test(t.tag))) break;
      surface += t.word;
      const split = splitSuffix(surface);
      if (!split) continue;
      const inner = rankOf(split.entry.level);
      if (inner > outer && isPlausiblePlaceName(surface, { allowNamedOnly: outer === rankOf('community') })) {
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
