import { normalizeKey, normalizeWidth, segment, type Token } from '../../segment/index.js';
import { refOf, type ArticleContext, type Extraction, type Mention, type RelationCandidate } from '../types.js';
import { extractOrganizations } from './extractOrganizations.js';
import { extractPlaces } from './extractPlaces.js';
import { ROLES } from './lexicon.js';
import { nameAfter, nameBefore, splitNameRun, type NameScope } from './personNames.js';
import { inheritHolders, roleChain, titleAt, titleMatches, type Role } from './rolePhrase.js';

interface Person {
  name: string;
  start: number;
  end: number;
  roles: Role[];
  /** Start and end of the whole phrase (西固区福利路街道党工委书记 牟辉; 王春林（菖蒲村党总支书记）), for the evidence span. */
  phraseStart: number;
  phraseEnd: number;
}

/** What the caller has already found in the sentence (extractSentence shares its tokens, places and organizations). */
export interface PeopleInput {
  tokens?: Token[];
  /** Places and organizations of the sentence: what a role can lead, and spans a name cannot take. */
  holders?: Mention[];
}

const PHOTO = /^\s*([\u4e00-\u9fff]{2,3})\s*摄(?:\s*[（(][^)）]*[)）])?\s*$/;
const BRACKETED = /[（(]([^（()）]{2,40})[）)]/g;
/** Markers a name is read backwards from: speech verbs (“……”张本珍说) and 同志 (王强同志). */
const BEFORE_MARKERS = [...ROLES.speechMarkers, '同志'].sort((a, b) => b.length - a.length);

/**
 * People in every common form: bylines (西固区福利路街道党工委书记 牟辉), a role before the name in
 * running text (县委书记李文涛带队, 社区党委书记赵丽华介绍), a role in brackets after the name
 * (王春林（菖蒲村党总支书记）), 姓名同志, speakers (“……”张本珍说), reporters (本报记者 邱东芳 通讯员 罗建平,
 * （记者 董芳）, 执笔：王贵森) and photo credits. A leader role makes LEADS person → the place or organization
 * it names, else the article's place at the role's level (县委书记 → the article's county).
 */
export function extractPeople(sentence: string, ctx?: ArticleContext, input: PeopleInput = {}): Extraction {
  const text = normalizeWidth(sentence);
  const toks = input.tokens ?? segment(sentence);
  const found = input.holders ?? [...extractPlaces(sentence, toks).mentions, ...extractOrganizations(sentence, toks).mentions];
  // A bare level word (街道 of 街道党工委书记) names no place: the article's place of that level is meant.
  const holders = found.filter((h) => !(h.name in ROLES.levelWords));
  const scope: NameScope = { text, toks, occupied: holders };
  const people = [...findByRole(scope, holders), ...findBracketed(scope, holders), ...findBeforeMarkers(scope), ...findPhotographer(text)];
  const mentions: Mention[] = [];
  const relations: RelationCandidate[] = [];
  for (const p of people) {
    if (mentions.some((m) => m.start < p.end && p.start < m.end)) continue;
    // Roles after the name (兼任…) are a chain of their own: they neither lend nor borrow a holder.
    const later = laterRoles(scope, p, holders);
    inheritHolders(p.roles, ctx, holders);
    inheritHolders(later, ctx, holders);
    p.roles.push(...later);
    const last = p.roles[p.roles.length - 1];
    const props: Record<string, string | null> = { role: last?.role ?? null, organization: last?.holder?.name ?? null };
    if (p.roles.length > 1) props.roles = p.roles.map((r) => r.role).join('、');
    const mention: Mention = { type: 'person', name: p.name, key: normalizeKey(p.name), start: p.start, end: p.end, props };
    mentions.push(mention);
    for (const r of p.roles) {
      if (r.cls !== 'leader' || !r.holder) continue;
      relations.push({ type: 'LEADS', from: refOf(mention), to: refOf(r.holder), start: p.phraseStart, end: p.phraseEnd, props: { role: r.role } });
    }
  }
  return { mentions, relations };
}

/**
 * Roles written after the name: 黄立群兼任社区党委第一书记, 邢国栋（兼任街道社会治理中心主任）, 吕振宇被派到…
 * 担任第一书记. The role phrase must start right after the verb; the evidence span grows to cover it.
 */
function laterRoles(scope: NameScope, person: Person, holders: Mention[]): Role[] {
  const { text, toks } = scope;
  let q = person.phraseEnd;
  if (text.startsWith('同志', q)) q += 2;
  const bracketed = /[（(]/.test(text[q] ?? '');
  if (bracketed) q++;
  // The verb may come later in the clause: 吕振宇被派到华山路社区担任第一书记.
  const clause = text.slice(q, q + 20).split(/[，。；;,！？]/)[0];
  const hit = ROLES.laterRoleVerbs.map((v) => ({ v, at: clause.indexOf(v) })).filter((h) => h.at >= 0).sort((a, b) => a.at - b.at)[0];
  if (!hit) return [];
  const from = q + hit.at + hit.v.length;
  const window = text.slice(from, from + 24);
  const stop = window.search(/[，。；;,、（()）“”\s]/);
  const span = stop < 0 ? window : window.slice(0, stop);
  let titleStart = -1;
  for (const m of titleMatches(span)) titleStart = from + m.index; // the last title of the phrase
  if (titleStart < 0) return [];
  const title = titleAt(text, titleStart)!;
  const roles = roleChain(text, toks, titleStart, holders);
  if (Math.min(...roles.map((r) => r.start)) < from) return [];
  person.phraseEnd = titleStart + title.title.length + (bracketed && /[）)]/.test(text[titleStart + title.title.length] ?? '') ? 1 : 0);
  return roles;
}

/** A role word, then the name (after a space in a byline, a colon in a credit line): one person, or several reporters. */
function findByRole(scope: NameScope, holders: Mention[]): Person[] {
  const { text, toks } = scope;
  const people: Person[] = [];
  for (const m of titleMatches(text)) {
    const { cls } = m;
    const titleEnd = m.index + m.title.length;
    let p = titleEnd;
    const separator = cls === 'reporter' ? /[\s:：]/ : /\s/;
    while (p < text.length && separator.test(text[p])) p++;
    // A credit line (记者 锦秀) is no running text: jieba's view of a rare name is no evidence there.
    const loose = cls === 'reporter' && p > titleEnd;
    const roles = roleChain(text, toks, m.index, holders);
    const run = loose ? /^[\u4e00-\u9fff]{5,12}(?=$|[)）\s,，。])/.exec(text.slice(p)) : null;
    const names = run ? splitNameRun(scope, p, p + run[0].length) : undefined;
    if (names) {
      for (const n of names) people.push({ ...n, roles: roles.map((r) => ({ ...r })), phraseStart: n.start, phraseEnd: n.end });
      continue;
    }
    const found = nameAfter(scope, p, loose);
    if (!found) continue;
    const phraseStart = Math.min(...roles.map((r) => r.start));
    people.push({ ...found, roles, phraseStart, phraseEnd: found.end });
    // 本报记者 何晓雯 李明, （执笔：梁振华 陈颖琪）: further names of the same credit.
    for (let next = found; cls === 'reporter'; ) {
      let q = next.end;
      while (q < text.length && /[\s、,，]/.test(text[q])) q++;
      if (q === next.end || titleAt(text, q)) break;
      const more = nameAfter(scope, q, true);
      if (!more) break;
      people.push({ ...more, roles: roles.map((r) => ({ ...r })), phraseStart: more.start, phraseEnd: more.end });
      next = more;
    }
  }
  return people;
}

/** 王春林（菖蒲村党总支书记）, 冯晓东（驻村干部）: a name, then its role in brackets. */
function findBracketed(scope: NameScope, holders: Mention[]): Person[] {
  const { text, toks } = scope;
  const people: Person[] = [];
  for (const m of text.matchAll(BRACKETED)) {
    const open = m.index!;
    const close = open + m[0].length - 1;
    const inner = m[1];
    const title = ROLES.leaderTitles
      .concat(ROLES.memberTitles)
      .sort((a, b) => b.length - a.length)
      .find((t) => inner.endsWith(t));
    if (!title) continue;
    const found = nameBefore(scope, open);
    if (!found) continue;
    const roles = roleChain(text, toks, close - title.length, holders);
    if (Math.min(...roles.map((r) => r.start)) <= open) continue; // the role must be the bracket's whole content
    people.push({ ...found, roles, phraseStart: found.start, phraseEnd: close + 1 });
  }
  return people;
}

/** “……”张本珍说, 王强同志: a name right before a speech verb or 同志, at the start of a clause. */
function findBeforeMarkers(scope: NameScope): Person[] {
  const people: Person[] = [];
  for (const marker of BEFORE_MARKERS) {
    for (let at = scope.text.indexOf(marker); at >= 0; at = scope.text.indexOf(marker, at + 1)) {
      const found = nameBefore(scope, at);
      if (found) people.push({ ...found, roles: [], phraseStart: found.start, phraseEnd: found.end });
    }
  }
  return people;
}

/** A photo credit on its own line: 邱东芳摄, 彭俊 摄（贵州图片库发）. */
function findPhotographer(text: string): Person[] {
  const m = PHOTO.exec(text);
  if (!m) return [];
  const start = text.indexOf(m[1]);
  const end = start + m[1].length;
  return [{ name: m[1], start, end, roles: [{ role: '摄影', cls: 'reporter', hasBody: false, start }], phraseStart: start, phraseEnd: end }];
}
