import { normalizeKey, normalizeWidth, segment, type Token } from '../../segment/index.js';
import { refOf, type Extraction, type Mention, type RelationCandidate } from '../types.js';
import { extractPlaces } from './extractPlaces.js';
import {
  ANON_WORD,
  CJK,
  COALITIONS,
  GENERIC_ORGANIZATION_NAMES,
  GOVERNMENT_UNITS,
  KNOWN_ORGANIZATIONS,
  ORGANIZATION_BOUNDARY_WORDS,
  ORGANIZATION_SUFFIXES,
  tokenBoundaries,
} from './lexicon.js';

interface OrgCandidate {
  start: number;
  end: number;
  name: string;
  kind: string;
  key?: string;
  surface?: string;
  anonymised?: boolean;
  generic?: boolean;
  /** The region or organization this one belongs to (PART_OF). */
  partOf?: Mention;
  /** Kept even when a longer candidate covers it (the parent company of a branch). */
  keep?: boolean;
}

/** Tags that end a name read backwards from its suffix (prepositions, particles, numbers, adverbs). */
const FUNCTION_TAGS = /^(p|c|u|uj|ul|uz|uv|ug|ud|r|q|m|d|f|y|e|o|ad|t)$/;
/** Tags of proper nouns: a non-legal suffix (公司, 大学) needs one of them in the name (热力公司 is no name). */
const PROPER_TAGS = /^(ns|nt|nz|nr|nrt|nrfg|x|eng|pn)$/;
const SUFFIX_RE = new RegExp(ORGANIZATION_SUFFIXES.map((s) => s.suffix).join('|'), 'g');

/**
 * Organizations that are not places: known names (宝石花物业, 甘肃农业大学), names ending in an
 * organization suffix (…有限责任公司, …大学, …日报), coalitions (“红色物业联盟”, 大工委) and
 * government departments named after their place (遵义市委组织部). A place's own party committee
 * (福利路街道党工委) is the place and is not returned here.
 */
export function extractOrganizations(sentence: string, tokens?: Token[]): Extraction {
  const text = normalizeWidth(sentence);
  const toks = tokens ?? segment(sentence);
  const bounds = tokenBoundaries(toks);
  const regions = extractPlaces(sentence, toks).mentions;
  const candidates = [
    ...findKnown(text, bounds),
    ...findBySuffix(text, toks),
    ...findCoalitions(text, bounds, regions),
    ...findGovernment(text, regions),
  ];
  const kept = resolve(candidates);
  const mentions: Mention[] = [];
  const relations: RelationCandidate[] = [];
  for (const c of kept) {
    const mention: Mention = { type: 'organization', name: c.name, key: c.key ?? normalizeKey(c.name), start: c.start, end: c.end, kind: c.kind };
    if (c.surface && c.surface !== c.name) mention.aliases = [c.surface];
    if (c.anonymised) mention.anonymised = true;
    if (c.generic) mention.props = { generic: true };
    mentions.push(mention);
    if (c.partOf) relations.push({ type: 'PART_OF', from: refOf(mention), to: refOf(c.partOf), start: c.start, end: c.end });
  }
  return { mentions, relations };
}

function findKnown(text: string, bounds: Set<number>): OrgCandidate[] {
  const out: OrgCandidate[] = [];
  for (const org of KNOWN_ORGANIZATIONS) {
    for (const surface of [org.name, ...(org.aliases ?? [])]) {
      for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
        const end = at + surface.length;
        if (!bounds.has(at) && CJK.test(text[at - 1] ?? '')) continue;
        out.push({ start: at, end, name: org.name, kind: org.kind, surface });
      }
    }
  }
  return out;
}

/** Reads the name backwards from a suffix, token by token, until a boundary word or function word. */
function findBySuffix(text: string, toks: Token[]): OrgCandidate[] {
  const out: OrgCandidate[] = [];
  for (const m of text.matchAll(SUFFIX_RE)) {
    const s = m.index!;
    const e = s + m[0].length;
    const suffix = ORGANIZATION_SUFFIXES.find((x) => x.suffix === m[0])!;
    let p = s;
    let proper = false;
    const inside = toks.find((t) => t.start < s && s < t.end);
    if (inside) {
      p = inside.start;
      proper ||= PROPER_TAGS.test(inside.tag);
    }
    for (let i = toks.findIndex((t) => t.end === p); i >= 0; i--) {
      const t = toks[i];
      if (t.end !== p) break;
      const isAnon = /^[xX]{2,4}$/.test(t.word);
      // `xx 油田`: a space next to the placeholder is part of the name.
      const space = /^\s+$/.test(t.word) && (/^[xX]{2,4}$/.test(toks[i - 1]?.word ?? '') || /^[xX]{2,4}/.test(text.slice(p)));
      if (!isAnon && !space && (!CJK.test(t.word) || FUNCTION_TAGS.test(t.tag) || ORGANIZATION_BOUNDARY_WORDS.has(t.word))) break;
      if (/(公司|集团)$/.test(t.word)) break; // the parent company of a branch is its own name
      if (text.slice(t.start, s).replace(/\s+/g, '').length > 16) break;
      proper ||= PROPER_TAGS.test(t.tag) || isAnon;
      p = t.start;
    }
    while (text[p] === ' ') p++;
    const namePart = text.slice(p, s).replace(/\s+/g, '');
    const name = namePart + m[0];
    if (!namePart || GENERIC_ORGANIZATION_NAMES.has(name)) continue;
    if (suffix.legal ? namePart.length < 2 : !proper) continue;
    const anonymised = ANON_WORD.test(namePart);
    out.push({ start: p, end: e, name, kind: suffix.kind, anonymised, ...(m[0] === '分公司' ? { key: normalizeKey(namePart) } : {}) });
  }
  return joinBranches(text, out);
}

/** `中国石油天然气股份有限公司 xx 油田分公司`: one branch (key xx油田, its short name), PART_OF the parent. */
function joinBranches(text: string, found: OrgCandidate[]): OrgCandidate[] {
  for (const branch of found) {
    if (!branch.name.endsWith('分公司')) continue;
    const parent = found.find((c) => c !== branch && c.end <= branch.start && /^\s*$/.test(text.slice(c.end, branch.start)));
    if (!parent) continue;
    branch.surface = branch.name;
    branch.name = parent.name + branch.name;
    branch.start = parent.start;
    branch.partOf = { type: 'organization', name: parent.name, key: normalizeKey(parent.name), start: parent.start, end: parent.end };
    parent.keep = true;
  }
  return found;
}

/** “红色物业联盟”, 畅家巷社区“畅大妈”志愿服务队, 街道“大工委” (generic: scoped by the article). */
function findCoalitions(text: string, bounds: Set<number>, regions: Mention[]): OrgCandidate[] {
  const out: OrgCandidate[] = [];
  for (const { word, kind } of COALITIONS) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const end = at + word.length;
      if (!bounds.has(end) && CJK.test(text[end] ?? '')) continue;
      const open = text.lastIndexOf('“', at);
      const close = text.indexOf('”', open);
      let start = at;
      let name = word;
      if (open >= 0 && close === end && end - open <= 14) {
        start = open + 1;
        name = text.slice(start, end);
      } else if (text[at - 1] === '”') {
        const qOpen = text.lastIndexOf('“', at - 1);
        if (qOpen >= 0 && at - qOpen <= 12) {
          start = qOpen;
          name = text.slice(qOpen + 1, at - 1) + word;
        }
      }
      const owner = regions.find((r) => r.end === start || r.end === start - 1);
      // A bare type word (大工委, “红色物业联盟”) names one body per article: the pipeline scopes it.
      const generic = name === word && !owner;
      out.push({
        start: owner && name === word ? owner.start : start,
        end,
        name: owner && name === word ? owner.name + word : name,
        kind,
        generic,
        ...(owner ? { partOf: owner } : {}),
      });
    }
  }
  return out;
}

/** Departments written after their place: 遵义市委组织部, 平城区老干局. */
function findGovernment(text: string, regions: Mention[]): OrgCandidate[] {
  const out: OrgCandidate[] = [];
  for (const region of regions) {
    const unit = GOVERNMENT_UNITS.find((u) => text.startsWith(u, region.end));
    if (!unit) continue;
    const end = region.end + unit.length;
    const name = text.slice(region.start, end).replace(/\s+/g, '');
    out.push({ start: region.start, end, name, kind: 'government', partOf: region });
  }
  return out;
}

function resolve(candidates: OrgCandidate[]): OrgCandidate[] {
  const ranked = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: OrgCandidate[] = [];
  for (const c of ranked) {
    if (!c.keep && kept.some((k) => c.start < k.end && k.start < c.end && !k.keep)) continue;
    if (kept.some((k) => k.start === c.start && k.end === c.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
