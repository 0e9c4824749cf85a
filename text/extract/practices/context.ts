import {
  ADOPT_FILLERS,
  ADOPT_VERBS,
  CLAUSE_VERBS,
  HEAD_MAX_GAP,
  HEAD_NOUNS,
  LIST_MAX_GAP,
  LIST_NOUNS,
  MANNER_NOUNS,
  NOT_PRACTICE_TAILS,
  RUN_VERBS,
  VAGUE_QUANTIFIERS,
  alternation,
} from './data.js';

/** A quoted span: [open, end) includes the quote marks; core is the text inside. */
export interface Quote {
  open: number;
  end: number;
  core: string;
}

/** Quotes that follow each other directly or joined by 、和与及 share the context around them. */
export interface QuoteRun {
  quotes: Quote[];
  start: number;
  end: number;
}

const QUOTE = /[“「『]([^“”「」『』\n]{1,40})[”」』]/g;

export function findQuoteRuns(text: string): QuoteRun[] {
  const runs: QuoteRun[] = [];
  for (const m of text.matchAll(QUOTE)) {
    const quote: Quote = { open: m.index!, end: m.index! + m[0].length, core: m[1] };
    const last = runs[runs.length - 1];
    if (last && /^[、和与及]?$/.test(text.slice(last.end, quote.open))) {
      last.quotes.push(quote);
      last.end = quote.end;
    } else runs.push({ quotes: [quote], start: quote.open, end: quote.end });
  }
  return runs;
}

export interface HeadMatch {
  /** Offset just after the head noun. */
  end: number;
  head: string;
  /** Modifier text between the quote and the head (党建工作 in “六位一体”党建工作模式). */
  gap: string;
  /** The head is shared by a list or attached through 的/等: not part of one name's surface. */
  loose: boolean;
}

const HEADS = alternation(HEAD_NOUNS);
const HEAD_AFTER = new RegExp(`^(等)?(的)?((?:(?!${HEADS})[\\p{Script=Han}&&[^的等]]){0,${HEAD_MAX_GAP}})(${HEADS})`, 'v');

/**
 * A practice head noun after a quote, within a short modifier gap without punctuation: the
 * farthest head reachable (干部管理制度体系 → 体系).
 */
export function headAfter(text: string, from: number): HeadMatch | undefined {
  const rest = text.slice(from, from + HEAD_MAX_GAP + 12);
  let m = HEAD_AFTER.exec(rest);
  if (!m) return listNounAfter(text, from);
  let gap = m[3];
  let head = m[4];
  let consumed = m[0].length;
  // Extend over a following head within the gap budget (制度体系, 机制体系).
  for (;;) {
    const more = new RegExp(`^((?:(?!${HEADS})[\\p{Script=Han}&&[^的等]]){0,4})(${HEADS})`, 'v').exec(rest.slice(consumed));
    if (!more || gap.length + head.length + more[1].length > HEAD_MAX_GAP + 2) break;
    gap += head + more[1];
    head = more[2];
    consumed += more[0].length;
  }
  return { end: from + consumed, head, gap, loose: !!(m[1] || m[2]) };
}

const LIST_NOUN_AFTER = new RegExp(
  `^等(?!${alternation(VAGUE_QUANTIFIERS)})([\\p{Script=Han}&&[^的等，。]]{0,${LIST_MAX_GAP}}?)(${alternation(LIST_NOUNS)})`,
  'v',
);
const MANNER_NOUN_AFTER = new RegExp(`^的(${alternation(MANNER_NOUNS)})`);

/**
 * What a list of practices is called: 等 + a list noun (“小院议事”“三评一创”等做法, 等方式, 等措施),
 * or 的 + a manner noun (“党建+社区+业主+物业+志愿者”的方式). Always loose: the noun names the list.
 */
export function listNounAfter(text: string, from: number): HeadMatch | undefined {
  const rest = text.slice(from, from + LIST_MAX_GAP + 6);
  const listed = LIST_NOUN_AFTER.exec(rest);
  if (listed) return { end: from + listed[0].length, head: listed[2], gap: listed[1], loose: true };
  const manner = MANNER_NOUN_AFTER.exec(rest);
  if (manner) return { end: from + manner[0].length, head: manner[1], gap: '', loose: true };
  return undefined;
}

/** An adopt verb right before `at` (推行“…”, 构建起了“…”); `verbs` defaults to adoptVerbs.json. */
export function adoptVerbBefore(text: string, at: number, verbs: string[] = ADOPT_VERBS): string | undefined {
  const before = text.slice(Math.max(0, at - 8), at).replace(/\s+$/, '');
  const m = new RegExp(`(${alternation(verbs)})(?:${alternation(ADOPT_FILLERS)})?$`).exec(before);
  return m?.[1];
}

/**
 * A run verb (开展) right before a run of quoted names; with `topicGap`, up to that many characters of
 * topic may stand between (开展供暖问题“冬病夏治”).
 */
export function runVerbBefore(text: string, at: number, topicGap = 0): string | undefined {
  if (topicGap === 0) return adoptVerbBefore(text, at, RUN_VERBS);
  const before = text.slice(Math.max(0, at - topicGap - 4), at);
  return new RegExp(`(${alternation(RUN_VERBS)})[\\p{Script=Han}]{0,${topicGap}}$`, 'u').exec(before)?.[1];
}

/** The run closes its clause (punctuation or the end of the sentence follows). */
export function closesClause(text: string, from: number): boolean {
  return /^\s*($|[，。；：！？,;:!?])/.test(text.slice(from));
}

const CLAUSE_BREAK = /[，,；;。！？!?：:]/;
const CLAUSE_VERB = new RegExp(alternation([...ADOPT_VERBS, ...CLAUSE_VERBS].sort((a, b) => b.length - a.length)));

/** An adopt verb or a clause verb (推动) earlier in the clause of `at`: 推动A与B“双向进入、交叉任职”. */
export function clauseVerbBefore(text: string, at: number): string | undefined {
  let start = at;
  while (start > 0 && !CLAUSE_BREAK.test(text[start - 1])) start--;
  return CLAUSE_VERB.exec(text.slice(start, at))?.[0];
}

/** After the quote the object is complete: punctuation, end, 等, a count, or a head noun phrase. */
export function completeObjectAfter(text: string, from: number): boolean {
  const rest = text.slice(from);
  return /^(\s*$|[，。；：、！？）)\],，]|等|\s*\d|[一二三四五六七八九十两]+[个处家项座])/.test(rest) || !!headAfter(text, from);
}

const DEFINITION_AFTER = /^\s*[，,：:]?\s*(?:即|就是|是指|分别为|分别是|包括)[：:]?\s*/;
const COMPOSITION_AFTER = /^\s*[，,]\s*(每[^，,。；;]{0,6}?由[^。；;]+?组成)/;
const CONTENT_BEFORE = /以[“「]([^“”「」]{4,160})[”」]为主要内容的$/;

/** A definition as a span of the text (so the caller can slice the original, un-normalized text). */
export interface DefinitionSpan {
  start: number;
  end: number;
}

/** The definition that follows a practice name (即…, 就是…, 分别为…, 每个网格由…组成). */
export function definitionAfter(text: string, from: number): DefinitionSpan | undefined {
  const rest = text.slice(from);
  const composed = COMPOSITION_AFTER.exec(rest);
  if (composed) {
    const start = from + composed[0].length - composed[1].length;
    return { start, end: start + composed[1].length };
  }
  const m = DEFINITION_AFTER.exec(rest);
  if (!m) return undefined;
  const start = from + m[0].length;
  // Stop at the next defined term (；“三三”就是…) or at the end of the sentence.
  const stop = /[；;](?=[“「])|。/.exec(text.slice(start));
  let end = stop ? start + stop.index : text.length;
  while (end > start && /[，,；;：:\s]/.test(text[end - 1])) end--;
  if (end - start < 2) return undefined;
  return { start, end: Math.min(end, start + 200) };
}

const PHRASE_BEFORE_DEFINITION = new RegExp('^[\\p{Script=Han}&&[^的等和与及]]{1,8}(?=\\s*[，,：:]?\\s*(?:即|就是|是指|分别为|分别是|包括))', 'v');

/**
 * A definition after a short noun phrase that follows the quoted name: “红黄绿”三色关爱台账，分别是…,
 * “四零”平安社区创建，即…. The phrase must not end in a place or problem noun (“…”社区，包括…).
 */
export function definitionAfterPhrase(text: string, from: number): { phrase: string; definition: DefinitionSpan } | undefined {
  const phrase = PHRASE_BEFORE_DEFINITION.exec(text.slice(from))?.[0];
  if (!phrase || NOT_PRACTICE_TAILS.some((tail) => phrase.endsWith(tail))) return undefined;
  const definition = definitionAfter(text, from + phrase.length);
  return definition ? { phrase, definition } : undefined;
}

/** 以“育选一个好‘领头雁’、建设一个好班子…”为主要内容的“六位一体”党建工作模式 */
export function definitionBefore(text: string, at: number): DefinitionSpan | undefined {
  const m = CONTENT_BEFORE.exec(text.slice(0, at));
  if (!m) return undefined;
  const start = m.index + m[0].indexOf(m[1]);
  return { start, end: start + m[1].length };
}
