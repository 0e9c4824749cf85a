import type { Token } from '../../segment/index.js';
import { CJK, COMPOUND_SURNAMES, ROLES, SINGLE_SURNAMES } from './lexicon.js';

/** The sentence a name is looked for in: its text, jieba tokens, and spans already taken by places and organizations. */
export interface NameScope {
  text: string;
  toks: Token[];
  occupied: { start: number; end: number }[];
}

export interface FoundName {
  name: string;
  start: number;
  end: number;
}

/** jieba tags a name may carry (unknown words are x). */
const NAME_TAGS = /^(x|nr|nrt|nrfg|eng)$/;
/** Tags of words that end the text before a name (由王强牵头, 社区的周阿姨说, 和李明一起). */
const FUNCTION_TAGS = /^(p|c|u|uj|ul|uz|uv|ug|ud|d|r|v|m|q)$/;
/** Tags of the word after a name in running text. */
const VERBISH_TAGS = /^(v|vn|vd|d|r|p|c|t|ad)$/;
const PUNCT = /[\s,，。.:：;；、)）(（”"“’‘!！?？《》〈〉【】—·-]/;

const TITLE_WORDS = [...ROLES.leaderTitles, ...ROLES.memberTitles, ...ROLES.reporterTitles, ...ROLES.residentTitles];
const LONG_ADDRESS = ROLES.addressTerms.filter((t) => t.length > 1);
/** One-character address terms that rarely begin a given name (家, 伯 and 工 do: 李家明, 王伯涛). */
const ADDRESS_FIRST = new Set(ROLES.addressTerms.filter((t) => t.length === 1 && !'家伯工'.includes(t)));
/** jieba read the whole candidate as one person name (nr). */
const NAME_TAGGED = (scope: NameScope, at: number, len: number): boolean =>
  scope.toks.some((t) => t.start === at && t.end === at + len && /^nr/.test(t.tag));
const MULTI_AFTER = ROLES.afterNameWords.filter((w) => w.length > 1);
const SINGLE_AFTER = new Set(ROLES.afterNameWords.filter((w) => w.length === 1));

function surnameLength(name: string): number {
  const compound = COMPOUND_SURNAMES.find((s) => name.startsWith(s) && name.length > s.length);
  if (compound) return compound.length;
  return SINGLE_SURNAMES.has(name[0]) ? 1 : 0;
}

/**
 * Whether `name` at `at` can be a person's name: a known surname, a given name that is not a way of
 * addressing someone (周阿姨, 李师傅, 王总), no role word inside, not a place or organization already
 * found, and — unless `loose` (a credit line, where jieba's view of a rare name is no evidence) — not
 * a word jieba knows as something else (包括/v, 党员/n) nor the tail of a word running into it.
 */
export function isPersonName(name: string, scope: NameScope, at: number, loose = false): boolean {
  if (name.length < 2 || name.length > 4 || !CJK.test(name)) return false;
  const sl = surnameLength(name);
  if (sl === 0 || (name.length === 4 && sl < 2)) return false;
  const given = name.slice(sl);
  if (ROLES.addressTerms.includes(given) || LONG_ADDRESS.some((t) => given.startsWith(t))) return false;
  // 刘姐说, 王总表示: a one-character address term after the surname, then anything.
  if (given.length > 1 && ADDRESS_FIRST.has(given[0]) && !NAME_TAGGED(scope, at, name.length)) return false;
  if (ROLES.notNameEndings.includes(name[name.length - 1])) return false;
  if (ROLES.notNames.includes(name) || TITLE_WORDS.some((t) => name.includes(t)) || ROLES.bodies.some((b) => name.includes(b))) return false;
  const end = at + name.length;
  if (scope.occupied.some((o) => at < o.end && o.start < end)) return false;
  if (loose) return true;
  const exact = scope.toks.find((t) => t.start === at && t.end === end);
  if (exact && !NAME_TAGS.test(exact.tag)) return false;
  const across = scope.toks.find((t) => t.start < at && at < t.end);
  if (across && !NAME_TAGS.test(across.tag)) return false;
  // 向群众, 于是: a surname character that jieba reads as a preposition or conjunction starts a phrase,
  // not a name (a given name may well be a common word: 刘/国庆, 宋/海波).
  // 于/p 红梅/nr: the rest read as a name by jieba makes the preposition a surname after all.
  const first = scope.toks.find((t) => t.start === at);
  const rest = scope.toks.find((t) => t.start === at + 1 && t.end === end);
  return !(first && first.word.length === 1 && /^(p|c|d|u|uj|ul|r)$/.test(first.tag) && !(rest && /^nr/.test(rest.tag)));
}

type Bound = 'strong' | 'weak' | 'none';

/** What follows a name: punctuation or a verb of speech/action (strong), a one-character particle (weak). */
function boundAfter(text: string, end: number): Bound {
  const rest = text.slice(end);
  if (rest === '' || PUNCT.test(rest[0])) return 'strong';
  if (MULTI_AFTER.some((w) => rest.startsWith(w)) || ROLES.speechMarkers.some((w) => rest.startsWith(w))) return 'strong';
  if (ROLES.honorifics.some((w) => rest.startsWith(w)) || rest.startsWith('摄')) return 'strong';
  return SINGLE_AFTER.has(rest[0]) ? 'weak' : 'none';
}

/**
 * A name starting at `p` (right after a role word): 2–3 characters (3–4 with a compound surname)
 * that end where a verb, particle or punctuation begins, so 王强介绍 gives 王强 and 李文涛带队 李文涛.
 * jieba's own name token breaks a tie; otherwise the shorter name wins when both fit (王明说，).
 */
export function nameAfter(scope: NameScope, p: number, loose = false): FoundName | undefined {
  const { text, toks } = scope;
  const lengths = COMPOUND_SURNAMES.some((s) => text.startsWith(s, p)) ? [3, 4] : [2, 3];
  let best: { found: FoundName; score: number } | undefined;
  for (const len of lengths) {
    const name = text.slice(p, p + len);
    if (name.length !== len || !isPersonName(name, scope, p, loose)) continue;
    if (ROLES.notAfterName.some((w) => text.startsWith(w, p + len))) continue;
    const bound = boundAfter(text, p + len);
    const token = toks.find((t) => t.start === p && t.end === p + len && NAME_TAGS.test(t.tag));
    const next = toks.find((t) => t.start === p + len);
    // jieba's own name token followed by a verb, adverb or preposition (韦国强/x 每周/r 入户).
    const jiebaName = token !== undefined && next !== undefined && (/^nr/.test(token.tag) || VERBISH_TAGS.test(next.tag));
    if (bound === 'none' && !jiebaName) continue;
    const score = bound === 'none' ? 1 : (bound === 'strong' ? 2 : 1) + (token && next ? 3 : 0);
    if (!best || score > best.score) best = { found: { name, start: p, end: p + len }, score };
  }
  return best?.found;
}

/** Whether a name may start at `start`: the sentence start, punctuation, or right after a function word (由, 的, 和). */
function startsClause(scope: NameScope, start: number): boolean {
  if (start === 0 || PUNCT.test(scope.text[start - 1])) return true;
  const prev = scope.toks.find((t) => t.end === start);
  return prev !== undefined && FUNCTION_TAGS.test(prev.tag) && !scope.toks.some((t) => t.start < start && start < t.end);
}

/** A name ending at `end` (before 说, 同志 or a bracketed role): 2–4 characters that start a clause. */
export function nameBefore(scope: NameScope, end: number): FoundName | undefined {
  for (const len of [2, 3, 4]) {
    const start = end - len;
    if (start < 0) break;
    const name = scope.text.slice(start, end);
    if (!CJK.test(name)) break;
    if (len === 4 && surnameLength(name) < 2) continue;
    if (startsClause(scope, start) && isPersonName(name, scope, start)) return { name, start, end };
  }
  return undefined;
}

/**
 * A credit line whose names lost the space between them (执笔：梁振华陈颖琪): the run of characters split
 * into names that each start with a surname, fewest names first.
 */
export function splitNameRun(scope: NameScope, start: number, end: number): FoundName[] | undefined {
  const best = new Map<number, FoundName[] | undefined>([[end, []]]);
  for (let p = end - 1; p >= start; p--) {
    let choice: FoundName[] | undefined;
    for (const len of [3, 2, 4]) {
      const rest = best.get(p + len);
      const name = scope.text.slice(p, p + len);
      if (p + len > end || !rest || !isPersonName(name, scope, p, true)) continue;
      if (!choice || rest.length + 1 < choice.length) choice = [{ name, start: p, end: p + len }, ...rest];
    }
    best.set(p, choice);
  }
  return best.get(start);
}
