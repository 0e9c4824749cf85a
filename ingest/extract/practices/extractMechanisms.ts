import type { Mention } from '../types.js';
import { normalizeWidth, type Token } from '../../segment/index.js';
import { ADOPT_VERBS, HEAD_NOUNS, KNOWN_PRACTICES, NOT_PRACTICE_TAILS, SLOGAN_KEYS, alternation } from './data.js';
import {
  adoptVerbBefore,
  completeObjectAfter,
  definitionAfter,
  definitionBefore,
  findQuoteRuns,
  headAfter,
  type DefinitionSpan,
  type HeadMatch,
  type Quote,
} from './context.js';
import { mechanismKey } from './mechanismKey.js';
import { formulaTerms, nameShape, type NameShape } from './shapes.js';

type Evidence = 'shape' | 'inner-head' | 'known' | 'head' | 'definition' | 'adopt';

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
const endsWithPlaceNoun = (core: string): boolean => NOT_PRACTICE_TAILS.some((t) => core.endsWith(t));

/**
 * Evidence a name carries by itself: its shape, a head noun inside it, or a known practice name.
 * A number list naming places (两巷两园两角一中心, 四区两厅一驿站) is a layout, not a practice.
 */
function intrinsicEvidence(core: string): { evidence: Evidence; shape?: NameShape } | undefined {
  const shape = nameShape(core);
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
    const verb = adoptVerbBefore(text, run.start);
    const adoptOk = !!verb && completeObjectAfter(text, run.end);
    const last = run.quotes[run.quotes.length - 1];
    for (const quote of run.quotes) {
      const isLast = quote === last && run.quotes.length === 1;
      const ownHead = isLast && head && !head.loose ? head : undefined;
      if (/[、]/.test(quote.core)) {
        out.push(...listItems(quote));
        continue;
      }
      const c = judgeQuote(text, quote, { head, ownHead, verb, adoptOk, isLast });
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
}

function judgeQuote(text: string, quote: Quote, ctx: RunContext): Candidate | undefined {
  const core = quote.core.replace(/\s+/g, ' ').trim();
  if (!core || core.length > 20 || /[，,；;—]/.test(core) || isSlogan(core)) return undefined;
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
  const intrinsic = intrinsicEvidence(core);
  if (intrinsic) return { ...base, ...intrinsic };
  if (ctx.head) return { ...base, evidence: 'head' };
  if (base.definition) return { ...base, evidence: 'definition' };
  if (ctx.adoptOk && (shape === 'word-formula' || !endsWithPlaceNoun(core))) return { ...base, evidence: 'adopt' };
  return undefined;
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
  for (const m of text.matchAll(UNQUOTED_METHOD)) {
    const start = m.index! + m[0].length - m[1].length - 3;
    out.push({ core: `${m[1]}工作法`, coreStart: start, start, end: m.index! + m[0].length, evidence: 'inner-head', verb: adoptVerbBefore(text, start) });
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
 * number list), a head noun inside or after it, a definition, or an adopt verb before it (as a
 * complete object); slogans and metaphors from slogans.json never count. Unquoted names: known
 * practices, bare formulas, and 推行X工作法.
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
    (c) => !inside(c.start) && !inQuote(c.start) && (c.evidence !== 'inner-head' || onBoundary(c.start)),
  );
  return [...quoted, ...unquoted]
    .filter((c) => !isSlogan(c.core))
    .sort((a, b) => a.start - b.start)
    .map((c) => toMention(c, text, sentence));
}
