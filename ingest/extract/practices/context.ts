import { ADOPT_FILLERS, ADOPT_VERBS, HEAD_MAX_GAP, HEAD_NOUNS, alternation } from './data.js';

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
  if (!m) return undefined;
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

/** An adopt verb right before `at` (推行“…”, 构建起了“…”). */
export function adoptVerbBefore(text: string, at: number): string | undefined {
  const before = text.slice(Math.max(0, at - 8), at).replace(/\s+$/, '');
  const m = new RegExp(`(${alternation(ADOPT_VERBS)})(?:${alternation(ADOPT_FILLERS)})?$`).exec(before);
  return m?.[1];
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

/** 以“育选一个好‘领头雁’、建设一个好班子…”为主要内容的“六位一体”党建工作模式 */
export function definitionBefore(text: string, at: number): DefinitionSpan | undefined {
  const m = CONTENT_BEFORE.exec(text.slice(0, at));
  if (!m) return undefined;
  const start = m.index + m[0].indexOf(m[1]);
  return { start, end: start + m[1].length };
}
