import type { Mention } from '../types.js';
import { normalizeWidth, type Token } from '../../segment/index.js';
import {
  ADOPT_FILLERS,
  ADOPT_VERBS,
  CARRIER_TAILS,
  HEAD_NOUNS,
  JOINT_VERBS,
  KNOWN_PRACTICES,
  NOT_PRACTICE_TAILS,
  OBJECT_NOUNS,
  OUTCOME_WORDS,
  SLOGAN_KEYS,
  VERB_HEADS,
  alternation,
} from './data.js';
import {
  adoptVerbBefore,
  clauseVerbBefore,
  closesClause,
  completeObjectAfter,
  definitionAfter,
  definitionAfterPhrase,
  definitionBefore,
  findQuoteRuns,
  headAfter,
  runVerbBefore,
  type DefinitionSpan,
  type HeadMatch,
  type Quote,
} from './context.js';
import { announcesItsParts, announcesPartsBefore } from './extractParts.js';
import { descriptiveNames } from './descriptiveNames.js';
import { mechanismKey } from './mechanismKey.js';
import { NUMERALS, formulaTerms, nameShape, type NameShape } from './shapes.js';

type Evidence = 'shape' | 'inner-head' | 'known' | 'head' | 'definition' | 'adopt' | 'description';

interface Candidate {
  core: string;
  coreStart: number;
  start: number;
  end: number;
  evidence: Evidence;
  shape?: NameShape;
  head?: string;
  surface?: string;
  verb?: string;
  definition?: DefinitionSpan;
}

const INNER_HEAD = new RegExp(`(?:${alternation(HEAD_NOUNS)})$`);
// Known names may carry quotes around a part (“网格化”管理): the match may open with a quote.
const KNOWN = new RegExp(`“?(?:${KNOWN_PRACTICES.map((name) => [...name].join('[“”]?')).join('|')})”?`, 'g');
const UNQUOTED_METHOD = new RegExp(`(?:${alternation(ADOPT_VERBS)})([\\p{Script=Han}]{2,6}?)工作法`, 'gu');
const UNQUOTED_FORMULA = /(?<![\d+>=<])\d+(?:\+(?:\d+|[A-Za-z]))+(?![\d+>=<A-Za-z])/g;

const isSlogan = (core: string): boolean => SLOGAN_KEYS.has(mechanismKey(core));
// 双提升, 两提高一满意: every item of the number list is an outcome word.
const statesOutcome = (core: string): boolean => {
  const items = core.match(new RegExp(`[${NUMERALS}]+[^${NUMERALS}]*`, 'g')) ?? [];
  return items.length > 0 && items.every((item) => OUTCOME_WORDS.has(item.replace(new RegExp(`^[${NUMERALS}]+[个项]?`), '')));
};
// “一老一小一党员”知识型、友好型社区: the quote qualifies the noun after its …型 words.
const QUALIFIES_NOUN = new RegExp(`^(?:[\\p{Script=Han}]{1,3}型[、和与]?)+[\\p{Script=Han}]{0,4}?(?:${alternation(NOT_PRACTICE_TAILS)})`, 'u');
const endsWithPlaceNoun = (core: string): boolean => NOT_PRACTICE_TAILS.some((t) => core.endsWith(t));
const endsWithCarrier = (core: string): boolean => CARRIER_TAILS.some((t) => core.endsWith(t));
const HEADS = alternation(HEAD_NOUNS);
// “楼宇党建+小区党建”双轮驱动: a short phrase saying that a word formula's terms act together.
const JOINT_AFTER = new RegExp(`^[\\p{Script=Han}]{0,3}?(?:${alternation(JOINT_VERBS)})(?=$|[，。；;：:！？,、])`, 'u');
// 试点“红色管家”服务: after an adopt verb, the quote names the service or way of governing.
const OBJECT_NOUN_AFTER = new RegExp(`^(${alternation(OBJECT_NOUNS)})(?=$|[，。；;：:！？,、])`);
const MANNER_WORD = /[式型化]$/;
/** Characters of topic allowed between 开展 and one quoted name (开展供暖问题“冬病夏治”). */
const TOPIC_GAP = 4;
// 大党委, 两委, 党小组: bodies listed with the slogans are organizations; “大党委”机制 is their working, not a named practice.
const BODY_TAIL = /[委组会部队站]$/;
// 探索实施自管一批、托管一批、整合一批、运营一批物业管理模式: a verb, then a 、 list, up to the clause end.
const VERB_THEN_LIST = new RegExp(`(${alternation(ADOPT_VERBS)})(?:${alternation(ADOPT_FILLERS)})?(?=[\\p{Script=Han}]{3,6}、)`, 'gv');
const LIST_TAIL = new RegExp(`^((?:(?!${HEADS})[\\p{Script=Han}&&[^的等]]){0,6})(${HEADS})`, 'v');
// 创新实施村（经济组织）社党组织结对共建，: an adopt verb, an object, a practice verb phrase closing the clause.
const VERB_HEAD_PHRASE = new RegExp(
  `(${alternation(ADOPT_VERBS)})(?:${alternation(ADOPT_FILLERS)})?([^，。；;：:！？、“”\\s]{0,14}?)(${alternation(VERB_HEADS)})(?=$|[，。；;：:！？,])`,
  'gv',
);

/**
 * Evidence a name carries by itself: its shape, a head noun inside it, or a known practice name.
 * A number list naming places (两巷两园两角一中心, 四区两厅一驿站) is a layout, not a practice.
 */
function intrinsicEvidence(core: string): { evidence: Evidence; shape?: NameShape } | undefined {
  const shape = nameShape(core);
  if (shape === 'number-list' && statesOutcome(core)) return undefined;
  if (shape === 'formula') return { evidence: 'shape', shape };
  // 三进小区 names where a practice goes (进), not a place.
  if (shape === 'number-list' && (!endsWithPlaceNoun(core) || /^.进/.test(core))) return { evidence: 'shape', shape };
  if (KNOWN_PRACTICES.includes(core)) return { evidence: 'known', shape };
  if (INNER_HEAD.test(core) && core.length >= 3 && !HEAD_NOUNS.includes(core)) return { evidence: 'inner-head', shape };
  return undefined;
}

function quotedCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const run of findQuoteRuns(text)) {
    const head = headAfter(text, run.end);
    const isRun = run.quotes.length > 1;
    let verb = adoptVerbBefore(text, run.start);
    let adoptOk = !!verb && completeObjectAfter(text, run.end);
    if (!verb && isRun) {
      // 持续开展“行走中的党课”“履职技能比拼”“周检查月评比”。 — but not 开展“…”“…”等活动.
      verb = runVerbBefore(text, run.start);
      adoptOk = !!verb && (closesClause(text, run.end) || !!head);
    } else if (!verb) {
      // 开展“屋场夜话”，… / 开展供暖问题“冬病夏治”，…: one name (after a short topic) closing the clause.
      verb = runVerbBefore(text, run.start, TOPIC_GAP);
      adoptOk = !!verb && closesClause(text, run.end);
    }
    const last = run.quotes[run.quotes.length - 1];
    for (const quote of run.quotes) {
      const isLast = quote === last && run.quotes.length === 1;
      const ownHead = isLast && head && !head.loose ? head : undefined;
      const ctx: RunContext = { head, ownHead, verb, adoptOk, isLast, isRun };
      if (/[、]/.test(quote.core)) {
        const items = listItems(quote);
        const whole = items.length > 0 ? undefined : wholeList(text, quote, run.end, ctx);
        out.push(...(whole ? [whole] : items));
        continue;
      }
      const c = judgeQuote(text, quote, ctx);
      if (c) out.push(c);
    }
  }
  return out;
}

/** “双报到、双服务”: a quoted list is split; each item must be a name by itself. */
function listItems(quote: Quote): Candidate[] {
  const items: Candidate[] = [];
  let offset = quote.open + 1;
  for (const item of quote.core.split('、')) {
    const found = intrinsicEvidence(item.trim());
    if (!found || isSlogan(item)) return [];
    items.push({ core: item.trim(), coreStart: offset, start: offset, end: offset + item.length, ...found });
    offset += item.length + 1;
  }
  return items;
}

interface RunContext {
  head?: HeadMatch;
  ownHead?: HeadMatch;
  verb?: string;
  adoptOk: boolean;
  isLast: boolean;
  /** The quote stands in a run of two or more quoted names. */
  isRun: boolean;
}

const LIST_ITEM = /^[\p{Script=Han}()（）·]{2,10}$/u;
const hanLength = (item: string): number => item.replace(/[()（）·]/g, '').length;

/**
 * A quoted list of parallel phrases that is one practice as a whole (“双向进入、交叉任职”,
 * “群众点单、小区党支部派单、服务平台（党员）接单、活动评单”等服务模式), when its items are not
 * names by themselves. Evidence: a head or list noun after it, or — for items of one length, like
 * verb-object pairs — an adopt verb (or 推动) earlier in the clause with the list closing the clause.
 * Layouts (两巷两园两角一中心、…), slogans, and lists with commas or long items are not practices.
 */
function wholeList(text: string, quote: Quote, runEnd: number, ctx: RunContext): Candidate | undefined {
  const core = quote.core.replace(/\s+/g, '');
  if (core.length > 36 || /[，,；;：:]/.test(core) || isSlogan(core)) return undefined;
  const items = core.split('、');
  if (items.length < 2 || items.length > 6) return undefined;
  if (items.some((item) => !LIST_ITEM.test(item) || hanLength(item) > 8 || isSlogan(item))) return undefined;
  if (items.some((item) => nameShape(item) === 'number-list' && endsWithPlaceNoun(item))) return undefined;
  const parallel = items.every((item) => item.length === items[0].length && item.length >= 2 && item.length <= 6);
  const base = { core, coreStart: quote.open + 1, start: quote.open, end: quote.end, head: ctx.head?.head };
  if (ctx.head) return { ...base, evidence: 'head', verb: ctx.verb };
  if (!parallel || !closesClause(text, runEnd)) return undefined;
  const verb = ctx.verb ?? clauseVerbBefore(text, quote.open);
  return verb ? { ...base, evidence: 'adopt', verb } : undefined;
}

function judgeQuote(text: string, quote: Quote, ctx: RunContext): Candidate | undefined {
  const core = quote.core.replace(/\s+/g, ' ').trim();
  if (!core || core.length > 20 || /[，,；;—]/.test(core)) return undefined;
  if (isSlogan(core)) return sloganWithHead(text, quote, core, ctx);
  const shape = nameShape(core);
  const surfaceEnd = ctx.ownHead ? ctx.ownHead.end : quote.end;
  const definition = ctx.isLast ? definitionAfter(text, surfaceEnd) : undefined;
  const before = quote.open === 0 ? undefined : definitionBefore(text, quote.open);
  const base = {
    core,
    coreStart: quote.open + 1,
    start: quote.open,
    end: surfaceEnd,
    shape,
    verb: ctx.verb,
    head: ctx.head?.head,
    surface: ctx.ownHead ? core + ctx.ownHead.gap + ctx.ownHead.head : undefined,
    definition: definition ?? before,
  };
  if (QUALIFIES_NOUN.test(text.slice(quote.end))) return undefined;
  const intrinsic = intrinsicEvidence(core);
  if (intrinsic) return { ...base, ...intrinsic };
  if (ctx.head) return { ...base, evidence: 'head' };
  if (base.definition) return { ...base, evidence: 'definition' };
  if (announcesItsParts(text, surfaceEnd, core) || announcesPartsBefore(text, quote.open, core)) return { ...base, evidence: 'definition' };
  // In a run, carriers (老书记工作室, 四点半课堂) count with the run's clue; places never do.
  const placeLike = endsWithPlaceNoun(core) && !(ctx.isRun && endsWithCarrier(core));
  // “红黄绿”三色关爱台账，分别是…: a short noun phrase between the name and its definition.
  const described = ctx.isLast && !placeLike ? definitionAfterPhrase(text, quote.end) : undefined;
  if (described) {
    const { phrase, definition: span } = described;
    return { ...base, evidence: 'definition', definition: span, surface: core + phrase, end: quote.end + phrase.length };
  }
  const rest = text.slice(quote.end);
  const joint = shape === 'word-formula' ? JOINT_AFTER.exec(rest) : null;
  if (joint) return { ...base, evidence: 'head', head: joint[0], surface: core + joint[0], end: quote.end + joint[0].length };
  if (ctx.adoptOk && (shape === 'word-formula' || !placeLike)) return { ...base, evidence: 'adopt' };
  const object = ctx.verb && !ctx.isRun && !placeLike && !MANNER_WORD.test(core) ? OBJECT_NOUN_AFTER.exec(rest) : null;
  if (object) return { ...base, evidence: 'adopt', surface: core + object[1], end: quote.end + object[1].length };
  return undefined;
}

/**
 * A slogan or metaphor in quotes names a practice only together with its own head noun:
 * 实施“头雁”培育工程 is a practice (named 头雁培育工程), 选优配强“头雁”队伍 and “领头雁” alone are not.
 * An adopt verb earlier in the clause is needed too: 改变“碎片化”管理模式 names a problem; and the
 * quote must not be a body (推行社区“大党委”机制 is the body at work).
 */
function sloganWithHead(text: string, quote: Quote, core: string, ctx: RunContext): Candidate | undefined {
  const head = ctx.ownHead;
  // 改变“碎片化”管理模式: a manner word in quotes describes the way, often a problem, not a name.
  if (!head || head.gap.length > 4 || MANNER_WORD.test(core) || BODY_TAIL.test(core) || !clauseVerbBefore(text, quote.open)) return undefined;
  const name = core + head.gap + head.head;
  return { core: name, coreStart: quote.open + 1, start: quote.open, end: head.end, evidence: 'head', head: head.head, verb: ctx.verb };
}

/** Names written without quotes: known practices (网格化管理), formulas, 推行文建明工作法. */
function unquotedCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(KNOWN)) {
    const core = m[0].replace(/[“”]/g, '');
    out.push({ core, coreStart: m.index!, start: m.index!, end: m.index! + m[0].length, evidence: 'known', shape: nameShape(core) });
  }
  for (const m of text.matchAll(UNQUOTED_FORMULA)) {
    const head = headAfter(text, m.index! + m[0].length);
    const end = head && !head.loose ? head.end : m.index! + m[0].length;
    out.push({ core: m[0], coreStart: m.index!, start: m.index!, end, evidence: 'shape', shape: 'formula', head: head?.head });
  }
  out.push(...unquotedLists(text), ...verbHeadPhrases(text));
  for (const m of text.matchAll(UNQUOTED_METHOD)) {
    const start = m.index! + m[0].length - m[1].length - 3;
    out.push({ core: `${m[1]}工作法`, coreStart: start, start, end: m.index! + m[0].length, evidence: 'inner-head', verb: adoptVerbBefore(text, start) });
  }
  for (const d of descriptiveNames(text)) {
    // 推行文建明工作法 is found by the rules above already.
    if (out.some((c) => c.start < d.end && d.start < c.end)) continue;
    out.push({ core: d.name, coreStart: d.start, start: d.start, end: d.end, evidence: 'description', head: d.head, verb: d.verb });
  }
  return out;
}

/**
 * 探索实施自管一批、托管一批、整合一批、运营一批物业管理模式: after an adopt verb, a 、 list of parallel
 * items (one length, 3–6 characters, sharing a first or last character) directly followed by a head
 * noun phrase is one practice; the list is its name, the head noun phrase its surface. Lists with
 * 等 or 的 before the head (建立定期协商、信息互通、联合执法等工作机制) name parts, not a practice.
 */
function unquotedLists(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(VERB_THEN_LIST)) {
    const from = m.index! + m[0].length;
    const clause = /^[^，。；;：:！？,“”]*/.exec(text.slice(from))![0];
    const parts = clause.split('、');
    if (parts.length < 2) continue;
    const size = parts[0].length;
    const items = [...parts.slice(0, -1), parts[parts.length - 1].slice(0, size)];
    const tail = LIST_TAIL.exec(parts[parts.length - 1].slice(size));
    if (!tail || size < 3 || size > 6) continue;
    if (items.some((item) => item.length !== size || !/^[\p{Script=Han}]+$/u.test(item))) continue;
    const shared = (at: (s: string) => string): boolean => items.every((item) => at(item) === at(items[0]));
    if (!shared((s) => s[0]) && !shared((s) => s[s.length - 1])) continue;
    const core = items.join('、');
    const end = from + core.length + tail[0].length;
    out.push({ core, coreStart: from, start: from, end, evidence: 'head', head: tail[2], surface: core + tail[0], verb: m[1] });
  }
  return out;
}

/** 创新实施村（经济组织）社党组织结对共建: an adopt verb's object ending in a practice verb phrase (verbHeads). */
function verbHeadPhrases(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(VERB_HEAD_PHRASE)) {
    // 创新实施…: the object starts after every adopt verb.
    const object = m[2].replace(new RegExp(`^(?:${alternation(ADOPT_VERBS)})+`), '');
    const start = m.index! + m[0].length - object.length - m[3].length;
    const end = m.index! + m[0].length;
    out.push({ core: m[3], coreStart: end - m[3].length, start, end, evidence: 'head', head: m[3], surface: object + m[3], verb: m[1] });
  }
  return out;
}

function toMention(c: Candidate, text: string, original: string): Mention {
  const key = mechanismKey(c.core);
  const span = c.definition ?? definitionAfter(text, c.end);
  const definition = span ? original.slice(span.start, span.end).trim() : undefined;
  const aliases = [...new Set([c.core, c.surface].filter((a): a is string => !!a).map((a) => a.replace(/\s+/g, '')))];
  const props: Record<string, string | number | boolean | null> = { evidence: c.evidence, shape: c.shape ?? 'named' };
  if (c.shape === 'formula') props.terms = formulaTerms(key)?.length ?? key.length;
  if (c.head) props.head = c.head;
  if (c.verb) props.verb = c.verb;
  if (definition) props.definition = definition;
  const name = c.shape === 'formula' ? key : c.core.replace(/\s+/g, '');
  return { type: 'mechanism', name, key, start: c.start, end: c.end, aliases, props };
}

/**
 * Named practices in one sentence. A quoted name counts when it has a practice shape (formula,
 * number list), a head noun inside or after it (or 等 + a list noun after its run), a definition,
 * or an adopt verb before it (as a complete object); slogans and metaphors from slogans.json never
 * count (unless they carry their own head after an adopt verb: 实施“头雁”培育工程). Quoted lists of parallel
 * phrases may be one practice as a whole. Unquoted names: known practices, bare formulas, 推行X工作法,
 * parallel lists before a head noun, objects ending in a practice verb phrase (结对共建), and descriptive
 * names with a specific modifier (建立社区工作者薪酬动态调整机制, descriptiveNames.ts). Definitions given by
 * the next sentence: attachFollowingDefinitions.
 */
export function extractMechanisms(sentence: string, tokens?: Token[]): Mention[] {
  const text = normalizeWidth(sentence);
  const quoted = quotedCandidates(text);
  // With tokens, an unquoted name must start on a word boundary (推行/文建明/工作法).
  const onBoundary = (at: number): boolean => !tokens || tokens.some((t) => t.start === at);
  const inside = (at: number): boolean => quoted.some((c) => at >= c.start && at < c.end);
  const covered = findQuoteRuns(text).flatMap((r) => r.quotes);
  const inQuote = (at: number): boolean => covered.some((q) => at > q.open && at < q.end);
  const unquoted = unquotedCandidates(text).filter(
    (c) => !inside(c.start) && !inQuote(c.start) && (!['inner-head', 'description'].includes(c.evidence) || onBoundary(c.start)),
  );
  return [...quoted, ...unquoted]
    .filter((c) => !isSlogan(c.core))
    .sort((a, b) => a.start - b.start)
    .map((c) => toMention(c, text, sentence));
}
