import { normalizeKey, normalizeWidth, segment, type Token } from '../../segment/index.js';
import { refOf, type ArticleContext, type Extraction, type Mention, type RelationCandidate } from '../types.js';
import { extractOrganizations } from './extractOrganizations.js';
import { extractPlaces } from './extractPlaces.js';
import { CJK, COMPOUND_SURNAMES, ROLES, SINGLE_SURNAMES } from './lexicon.js';

type TitleClass = 'leader' | 'member' | 'resident' | 'reporter';

interface Role {
  /** Body + title as written (党工委书记, 县委副书记, 居委会主任). */
  role: string;
  cls: TitleClass;
  hasBody: boolean;
  holder?: Mention;
  start: number;
}

interface Person {
  name: string;
  start: number;
  end: number;
  roles: Role[];
  /** Start of the role phrase with its place (西固区福利路街道党工委书记), for the evidence span. */
  phraseStart: number;
}

const TITLES: { title: string; cls: TitleClass }[] = [
  ...ROLES.leaderTitles.map((title) => ({ title, cls: 'leader' as const })),
  ...ROLES.memberTitles.map((title) => ({ title, cls: 'member' as const })),
  ...ROLES.residentTitles.map((title) => ({ title, cls: 'resident' as const })),
  ...ROLES.reporterTitles.map((title) => ({ title, cls: 'reporter' as const })),
].sort((a, b) => b.title.length - a.title.length);
const TITLE_RE = new RegExp(TITLES.map((t) => t.title).join('|'), 'g');
const ALL_TITLES = TITLES.map((t) => t.title);
/** jieba tags a name may carry (unknown words are x). */
const NAME_TAGS = /^(x|nr|nrt|nrfg|eng)$/;
const AFTER_NAME = /^[\s,，。.:：;；、)）”"’!！?？]/;
const BEFORE_NAME = /[\s,，。:：;；、”"“(（)）—]/;
const PHOTO = /^\s*([\u4e00-\u9fff]{2,3})\s*摄(?:\s*[（(][^)）]*[)）])?\s*$/;

/**
 * People: bylines (西固区福利路街道党工委书记 牟辉), reporters (本报记者 邱东芳, （记者 董芳）, 执笔：王贵森,
 * 邱东芳摄), people introduced by a role (金元社区党总支书记、居委会主任袁琴对记者介绍) or quoted
 * (“……”张本珍说). A leader role makes LEADS person → the place or organization written before it; a
 * party body of a place (福利路街道党工委) is the place. Without a written place, the article subject.
 */
export function extractPeople(sentence: string, ctx?: ArticleContext): Extraction {
  const text = normalizeWidth(sentence);
  const toks = segment(sentence);
  const holders = [...extractPlaces(sentence, toks).mentions, ...extractOrganizations(sentence, toks).mentions];
  const people = [...findByRole(text, toks, holders, ctx), ...findSpeakers(text, toks), ...findPhotographer(text)];
  const mentions: Mention[] = [];
  const relations: RelationCandidate[] = [];
  for (const p of people) {
    if (mentions.some((m) => m.start === p.start && m.end === p.end)) continue;
    const last = p.roles[p.roles.length - 1];
    const props: Record<string, string | null> = { role: last?.role ?? null, organization: last?.holder?.name ?? null };
    if (p.roles.length > 1) props.roles = p.roles.map((r) => r.role).join('、');
    const mention: Mention = { type: 'person', name: p.name, key: normalizeKey(p.name), start: p.start, end: p.end, props };
    mentions.push(mention);
    for (const r of p.roles) {
      if (r.cls !== 'leader' || !r.holder) continue;
      relations.push({ type: 'LEADS', from: refOf(mention), to: refOf(r.holder), start: p.phraseStart, end: p.end, props: { role: r.role } });
    }
  }
  return { mentions, relations };
}

/** A name right after a role word: 2–3 characters (4 with a compound surname), then a boundary. */
function nameAt(text: string, toks: Token[], p: number, strict: boolean): { name: string; end: number } | undefined {
  const lengths = COMPOUND_SURNAMES.some((s) => text.startsWith(s, p)) ? [3, 4] : [2, 3];
  for (const len of lengths) {
    const name = text.slice(p, p + len);
    if (name.length !== len || !CJK.test(name)) return undefined;
    if (!isName(name, toks, p, strict)) continue;
    const rest = text.slice(p + len);
    const bounded =
      rest === '' ||
      AFTER_NAME.test(rest) ||
      ROLES.speechMarkers.some((m) => rest.startsWith(m)) ||
      ROLES.honorifics.some((h) => rest.startsWith(h)) ||
      rest.startsWith('摄');
    if (bounded) return { name, end: p + len };
  }
  return undefined;
}

function isName(name: string, toks: Token[], at: number, strict: boolean): boolean {
  const surnameOk = SINGLE_SURNAMES.has(name[0]) || COMPOUND_SURNAMES.some((s) => name.startsWith(s) && name.length > s.length);
  if (strict && !surnameOk) return false;
  if (ROLES.notNames.includes(name) || ALL_TITLES.some((t) => name.includes(t))) return false;
  if (ROLES.bodies.some((b) => name.includes(b))) return false;
  // jieba tags unknown names x (or nr); a known word (项目/n, 满意度/ns) or a word running across the
  // name's start (群众路线) means the characters are not a name.
  if (!strict) return true; // 记者 锦秀: a credit line needs no further evidence
  const exact = toks.find((t) => t.start === at && t.end === at + name.length);
  if (exact && !NAME_TAGS.test(exact.tag)) return false;
  const across = toks.find((t) => t.start < at && at < t.end);
  return !(across && !NAME_TAGS.test(across.tag));
}

function findByRole(text: string, toks: Token[], holders: Mention[], ctx?: ArticleContext): Person[] {
  const people: Person[] = [];
  for (const m of text.matchAll(TITLE_RE)) {
    const { cls } = TITLES.find((t) => t.title === m[0])!;
    const titleEnd = m.index! + m[0].length;
    let p = titleEnd;
    const separator = cls === 'reporter' ? /[\s:：]/ : /\s/;
    while (p < text.length && separator.test(text[p])) p++;
    const loose = cls === 'reporter' && p > titleEnd;
    const found = nameAt(text, toks, p, !loose);
    if (!found) continue;
    const roles = roleChain(text, m.index!, holders);
    inheritHolders(roles, ctx);
    const phraseStart = Math.min(...roles.map((r) => r.start));
    people.push({ name: found.name, start: p, end: found.end, roles, phraseStart });
  }
  return people;
}

/** Roles joined by 、 before a name, read right to left: 金元社区党总支书记、居委会主任. */
function roleChain(text: string, titleStart: number, holders: Mention[]): Role[] {
  const roles: Role[] = [];
  let cursor = titleStart;
  for (;;) {
    const title = ALL_TITLES.find((t) => text.startsWith(t, cursor))!;
    const cls = TITLES.find((t) => t.title === title)!.cls;
    const bodies = ROLES.bodies.filter((b) => text.slice(0, cursor).endsWith(b));
    // 树屏镇 + 党委 (not 树屏 + 镇党委): the body starts where a written place ends.
    const body = bodies.find((b) => holders.some((h) => h.end === cursor - b.length)) ?? bodies[0];
    const bodyStart = cursor - (body?.length ?? 0);
    // 永登县 + 县委: the place's last character is the body's first; 未来城社区的居民.
    const holder = holders.find(
      (h) =>
        h.end <= cursor &&
        (h.end === bodyStart || h.end === bodyStart + 1 || (cls === 'resident' && h.end === bodyStart - 1 && text[h.end] === '的')),
    );
    let start = holder ? holder.start : bodyStart;
    for (let prev = holders.find((h) => h.end === start); prev; prev = holders.find((h) => h.end === start)) start = prev.start;
    const role = text.slice(bodyStart, cursor + title.length).replace(/^本报/, '');
    roles.unshift({ role, cls, hasBody: !!body, holder, start });
    if (text[start - 1] !== '、') break;
    const before = text.slice(0, start - 1);
    const previous = ALL_TITLES.find((t) => before.endsWith(t));
    if (!previous) break;
    cursor = start - 1 - previous.length;
  }
  return roles;
}

/** 居委会主任 after 金元社区党总支书记 is the same community's; a bare 街道党工委书记 is the article subject's. */
function inheritHolders(roles: Role[], ctx?: ArticleContext): void {
  for (let i = 0; i < roles.length; i++) {
    if (roles[i].holder) continue;
    const near = roles.slice(0, i).reverse().find((r) => r.holder) ?? roles.slice(i + 1).find((r) => r.holder);
    if (near) roles[i].holder = near.holder;
    else if (roles[i].hasBody && roles[i].cls === 'leader' && ctx?.subject) roles[i].holder = ctx.subject;
  }
}

/** “……”张本珍说: a name right before 说/表示/介绍/对记者, after punctuation or a quote. */
function findSpeakers(text: string, toks: Token[]): Person[] {
  const people: Person[] = [];
  for (const marker of ROLES.speechMarkers) {
    for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
      for (const len of [2, 3, 4]) {
        const start = at - len;
        const name = text.slice(Math.max(0, start), at);
        if (start < 0 || !CJK.test(name)) break;
        const boundary = start === 0 || BEFORE_NAME.test(text[start - 1]);
        if (!boundary || !isName(name, toks, start, true)) continue;
        if (len === 4 && !COMPOUND_SURNAMES.some((s) => name.startsWith(s))) continue;
        people.push({ name, start, end: at, roles: [], phraseStart: start });
        break;
      }
    }
  }
  return people;
}

/** A photo credit on its own line: 邱东芳摄, 彭俊 摄（贵州图片库发）. */
function findPhotographer(text: string): Person[] {
  const m = PHOTO.exec(text);
  if (!m) return [];
  const start = text.indexOf(m[1]);
  return [{ name: m[1], start, end: start + m[1].length, roles: [{ role: '摄影', cls: 'reporter', hasBody: false, start }], phraseStart: start }];
}
