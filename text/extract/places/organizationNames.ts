import { normalizeKey, type Token } from '../../segment/index.js';
import type { Mention } from '../types.js';
import {
  ANON_WORD,
  CJK,
  GENERIC_LIST_ITEMS,
  GENERIC_ORGANIZATION_NAMES,
  KNOWN_ORGANIZATIONS,
  ORGANIZATION_BOUNDARY_WORDS,
  ORGANIZATION_LIST_HEADS,
  ORGANIZATION_SUFFIXES,
  ROLES,
  tokenBoundaries,
} from './lexicon.js';

export interface OrgCandidate {
  start: number;
  end: number;
  name: string;
  kind: string;
  key?: string;
  surface?: string;
  anonymised?: boolean;
  /** A kind of body named by a bare level word (区综治中心): one per article, scoped by the pipeline. */
  generic?: boolean;
  /** A head word that quotes, places and level words can name (议事会, 调解队, 服务中心). */
  social?: boolean;
  /** The region or organization this one belongs to (PART_OF). */
  partOf?: Mention;
  /** Kept even when a longer candidate covers it (the parent company of a branch). */
  keep?: boolean;
  /** No proper noun in the name: an organization only if the name opens with a place (石家寨村老年大学). */
  needsPlace?: boolean;
}

/** Tags that end a name read backwards from its head word (prepositions, particles, numbers, adverbs, verbs). */
const FUNCTION_TAGS = /^(p|c|u|uj|ul|uz|uv|ug|ud|r|q|m|d|f|y|e|o|ad|t|v)$/;
/** Tags of proper nouns: a non-legal head (公司, 大学) needs one of them in the name (热力公司 is no name). */
const PROPER_TAGS = /^(ns|nt|nz|nr|nrt|nrfg|x|eng)$/;
/** A social body's name needs a place or organization noun: jieba tags common words nr or x too (养老/nr). */
const SOCIAL_PROPER_TAGS = /^(ns|nt|nz)$/;
/** In a list before 等N家单位 an abbreviation (石化, 北大; jieba tag j) also opens a name. */
const LIST_PROPER_TAGS = /^(ns|nt|nz|nr|nrt|nrfg|x|eng|j)$/;
const SUFFIX_RE = new RegExp(ORGANIZATION_SUFFIXES.map((s) => s.suffix).join('|'), 'g');
/** Words after a quoted name that make it a practice, not a body (“院落议事会”制度). */
const PRACTICE_AFTER = /^(制度|机制|模式|工作法|品牌|平台|做法)/;
/** Level words that may open a body's name in place of a place name (区综治中心, 社区卫生服务中心). */
const LEVEL_PREFIXES = Object.keys(ROLES.levelWords).sort((a, b) => b.length - a.length);
/** 等 or a count (3家), then within a few characters the noun that makes a list of names organizations. */
const LIST_HEAD_RE = new RegExp(
  `(?:等|(?:[0-9]+|[一二三四五六七八九十两百]+)余?[家个])[^，。；、,;0-9]{0,8}?(?:${ORGANIZATION_LIST_HEADS.join('|')})`,
  'g',
);
const LIST_KINDS = new Set(['company', 'university', 'media', 'research', 'institution']);

/**
 * Organizations a sentence names without help from the place rules: national bodies, names that end
 * in a head word (…有限公司, …大学, “和事佬”调解队, 区综治中心), and names listed before a noun that makes
 * them organizations (中食净化、广东雪印3家企业). Social heads written after a place are kept for the
 * caller, which knows the places, to tie to them.
 */
export function findNamedOrganizations(text: string, toks: Token[]): OrgCandidate[] {
  const bounds = tokenBoundaries(toks);
  return [...findKnown(text, bounds), ...findBySuffix(text, toks), ...findListed(text, toks)];
}

/**
 * Spans of company, university and media names (甘肃农业大学, 广东雪印, 宁波甬邻家政服务有限公司): the
 * places inside them are part of the name, not places the sentence is about.
 */
export function organizationSpans(text: string, toks: Token[]): { start: number; end: number }[] {
  return findNamedOrganizations(text, toks)
    .filter((c) => LIST_KINDS.has(c.kind) && !c.social && !c.generic && !c.needsPlace)
    .map((c) => ({ start: c.start, end: c.end }));
}

function findKnown(text: string, bounds: Set<number>): OrgCandidate[] {
  const out: OrgCandidate[] = [];
  for (const org of KNOWN_ORGANIZATIONS) {
    for (const surface of [org.name, ...(org.aliases ?? [])]) {
      for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
        if (!bounds.has(at) && CJK.test(text[at - 1] ?? '')) continue;
        out.push({ start: at, end: at + surface.length, name: org.name, kind: org.kind, surface });
      }
    }
  }
  return out;
}

/** Party and village bodies, enumerations and level modifiers that a non-legal name cannot hold. */
const NOT_IN_NAME = /党支部|党总支|党工委|党委|居委会|村委会|^[一二三四五六七八九十]+是|(?:村|镇|乡|区|县|市|街道|社区)级|^.*(?:居民|村民)$/;
/** A place word right before a head (小区物业, 石家寨村老年大学): a name only if a place rule found the place. */
const GENERIC_BEFORE_HEAD = /(?:小区|社区|村|楼院|院落|乡镇|城市|集体)$/;

function plausibleNamePart(namePart: string, legal: boolean): boolean {
  if (!/^[\u3400-\u9fffA-Za-z0-9·]+$/.test(namePart)) return false; // 支部+合作社 is a formula
  if (legal) return true;
  return !NOT_IN_NAME.test(namePart);
}

/** A quoted name before or around the head: “和事佬”调解队, “老厂长议事团”. */
function quotedName(text: string, s: number, e: number): { start: number; name: string } | undefined {
  if (text[s - 1] === '”') {
    const open = text.lastIndexOf('“', s - 1);
    if (open >= 0 && s - open <= 12) return { start: open, name: text.slice(open + 1, s - 1) + text.slice(s, e) };
  }
  if (text[e] === '”') {
    const open = text.lastIndexOf('“', s);
    const inner = text.slice(open + 1, e);
    if (open >= 0 && !inner.includes('”') && inner.length <= 14 && inner.length > e - s) return { start: open + 1, name: inner };
  }
  return undefined;
}

/** Reads the name backwards from a head word, token by token, until a boundary word, verb or function word. */
function findBySuffix(text: string, toks: Token[]): OrgCandidate[] {
  const out: OrgCandidate[] = [];
  for (const m of text.matchAll(SUFFIX_RE)) {
    const s = m.index!;
    const e = s + m[0].length;
    const suffix = ORGANIZATION_SUFFIXES.find((x) => x.suffix === m[0])!;
    const quoted = suffix.social ? quotedName(text, s, e) : undefined;
    if (quoted) {
      const practice = PRACTICE_AFTER.test(text.slice(e + (text[e] === '”' ? 1 : 0)));
      const namePart = quoted.name.slice(0, -m[0].length);
      if (!practice && namePart && !GENERIC_ORGANIZATION_NAMES.has(quoted.name) && plausibleNamePart(namePart, false)) {
        out.push({ start: quoted.start, end: e, name: quoted.name, kind: suffix.kind, social: true });
      }
      continue;
    }
    let p = s;
    let proper = false;
    /** A place or organization noun (not a person-name or unknown tag, which jieba gives 养老 too). */
    let placeLike = false;
    const properTags = suffix.social ? SOCIAL_PROPER_TAGS : PROPER_TAGS;
    const inside = toks.find((t) => t.start < s && s < t.end);
    // 居民协商会: a word running into the head (协商|会) means the head is no head.
    if (inside && inside.end < e) continue;
    if (inside) {
      p = inside.start;
      // A word holding a social head is the kind of body (党群服务中心/nt), not its name.
      proper ||= !suffix.social && properTags.test(inside.tag);
      placeLike ||= /^(ns|nt|nz)$/.test(inside.tag);
    }
    for (let i = toks.findIndex((t) => t.end === p); i >= 0; i--) {
      const t = toks[i];
      if (t.end !== p) break;
      const isAnon = /^[xX]{2,4}$/.test(t.word);
      // `xx 油田`: a space next to the placeholder is part of the name.
      const space = /^\s+$/.test(t.word) && (/^[xX]{2,4}$/.test(toks[i - 1]?.word ?? '') || /^[xX]{2,4}/.test(text.slice(p)));
      // A legal name may hold verbs (百善康养颐养院有限责任公司); other names end at one (抓|科技).
      const stop = FUNCTION_TAGS.test(t.tag) && !(suffix.legal && /^v/.test(t.tag));
      if (!isAnon && !space && (!CJK.test(t.word) || stop || ORGANIZATION_BOUNDARY_WORDS.has(t.word))) break;
      // The parent company of a branch is its own name; so is the company that runs a unit (宝石花物业|医院).
      if ((suffix.kind === 'company' ? /(公司|集团)$/ : /(公司|集团|物业|科技)$/).test(t.word)) break;
      if (text.slice(t.start, s).replace(/\s+/g, '').length > 16) break;
      proper ||= (properTags.test(t.tag) && !LEVEL_PREFIXES.includes(t.word)) || isAnon;
      placeLike ||= /^(ns|nt|nz)$/.test(t.tag) && !LEVEL_PREFIXES.includes(t.word);
      p = t.start;
    }
    while (text[p] === ' ') p++;
    const namePart = text.slice(p, s).replace(/\s+/g, '');
    const name = namePart + m[0];
    if (!namePart || GENERIC_ORGANIZATION_NAMES.has(name) || !plausibleNamePart(namePart, suffix.legal === true)) continue;
    const firstWord = toks.find((t) => t.start === p)?.word ?? '';
    const level = LEVEL_PREFIXES.find((w) => firstWord === w);
    // 区综治中心, 街道综合养老服务中心: a level word instead of a place name.
    if (level && !placeLike) proper = false;
    const generic = !proper && suffix.social === true && level !== undefined && !GENERIC_ORGANIZATION_NAMES.has(name.slice(level.length));
    if (suffix.legal && namePart.length < 2) continue;
    const anonymised = ANON_WORD.test(namePart);
    out.push({
      start: p,
      end: e,
      name,
      kind: suffix.kind,
      anonymised,
      ...(generic ? { generic } : {}),
      ...(!suffix.legal && ((!proper && !generic) || (GENERIC_BEFORE_HEAD.test(namePart) && !generic)) ? { needsPlace: true } : {}),
      ...(suffix.social ? { social: true } : {}),
      ...(m[0] === '分公司' ? { key: normalizeKey(namePart) } : {}),
    });
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

/**
 * Names listed before a noun that makes them organizations: 中食净化、广东雪印3家企业, 兰州石化等辖区单位,
 * 引进深圳自然之星等龙头企业. The first item starts at its first proper noun after a verb or conjunction;
 * every item needs a proper noun or a word jieba does not know, and no place or generic ending.
 */
function findListed(text: string, toks: Token[]): OrgCandidate[] {
  const out: OrgCandidate[] = [];
  for (const m of text.matchAll(LIST_HEAD_RE)) {
    const items: { start: number; end: number; name: string; proper: boolean }[] = [];
    // 石化大学、宝石花物业等54家单位: the list ends before 等.
    for (let end = text[m.index! - 1] === '等' ? m.index! - 1 : m.index!; ; ) {
      const sep = Math.max(...['、', '，', ',', '：', '；', '（', '“', '”'].map((c) => text.lastIndexOf(c, end - 1)), -1);
      let start = sep + 1;
      const listed = text[sep] === '、';
      if (!listed) {
        // The first item: after the last verb, preposition or conjunction, from the first proper noun.
        const inItem = toks.filter((t) => t.start >= start && t.end <= end);
        const lastFunction = [...inItem].reverse().find((t) => /^(v|p|c|uj)$/.test(t.tag));
        const firstProper = inItem.find((t) => t.start >= (lastFunction?.end ?? start) && LIST_PROPER_TAGS.test(t.tag));
        if (!firstProper) break;
        start = firstProper.start;
      }
      const name = text.slice(start, end).trim();
      const proper = toks.some((t) => t.end > start && t.start < end && LIST_PROPER_TAGS.test(t.tag));
      const plausible =
        name.length >= 2 &&
        name.length <= 12 &&
        CJK.test(name) &&
        !GENERIC_LIST_ITEMS.has(name) &&
        !/(村|社区|街道|镇|乡|区|县|(?<!超)市|省|园|园区|部门|组织|单位|企业|局|厅|部|办|委|院|所|校|学校|幼儿园|中心|人大|政协|服务|安全|管理|建设)$/.test(name);
      if (plausible) items.push({ start, end, name, proper });
      if (!listed) break;
      end = sep;
    }
    // 中食净化、广东雪印: an item jieba reads as common words is a name when a sibling is a proper one.
    const anyProper = items.some((i) => i.proper);
    for (const i of items) {
      if (!i.proper && !(anyProper && i.name.length <= 6)) continue;
      // A listed name keeps the kind its own head word gives (石化大学 is a university), else it is a company.
      const kind = ORGANIZATION_SUFFIXES.find((x) => i.name.endsWith(x.suffix))?.kind ?? 'company';
      out.push({ start: i.start, end: i.end, name: i.name, kind });
    }
  }
  return out;
}
