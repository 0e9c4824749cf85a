import { segment } from '../../segment/index.js';
import { ABSTRACT_HEADS, BARE_ADJECTIVES, BARE_VERBS, LEAD_VERBS, MEASURE_SUFFIXES } from './data.js';

export type IndicatorProblem = 'abstract' | 'verb' | 'adjective';

/**
 * Why a phrase cannot be an indicator, if it cannot. An indicator is a noun of measurement: a
 * measure suffix (受理率, 交易量) always passes; a word that counts the parts of an argument (5个方面,
 * 四个维度, 三个质量), a bare verb (夯实3个, 选派1400余名) or a bare adjective does not.
 */
export function indicatorProblem(text: string): IndicatorProblem | undefined {
  // 三个质量 ends in 量 but counts an abstract noun: the abstract head is checked first.
  if (ABSTRACT_HEADS.some((h) => text.endsWith(h))) return 'abstract';
  if (MEASURE_SUFFIXES.some((s) => text.endsWith(s) && text.length > s.length)) return undefined;
  if (BARE_ADJECTIVES.has(text)) return 'adjective';
  if (BARE_VERBS.has(text)) return 'verb';
  const tokens = segment(text).filter((t) => t.word.trim());
  if (tokens.length === 1 && /^(v|vd|vi)$/.test(tokens[0].tag)) return 'verb';
  if (tokens.length === 1 && /^(a|ad|d)$/.test(tokens[0].tag)) return 'adjective';
  return undefined;
}

/** 5个方面细化考核: a noun phrase after a count that opens with an abstract noun counts that noun. */
export function opensWithAbstract(text: string): boolean {
  const first = segment(text).find((t) => t.word.trim());
  return !!first && first.word.length < text.length && ABSTRACT_HEADS.includes(first.word);
}

/**
 * 受理事件17033件，处置16871件: parallel clauses drop the object the previous metric named. The
 * verb takes that object (受理事件 → 事件 → 处置事件); undefined when there is none to take.
 */
export function borrowObject(verb: string, previousIndicator: string): string | undefined {
  let object = previousIndicator;
  const lead = [...BARE_VERBS, ...LEAD_VERBS].sort((a, b) => b.length - a.length).find((v) => object.startsWith(v) && object.length > v.length);
  if (lead) object = object.slice(lead.length);
  else {
    const tokens = segment(object);
    if (tokens.length > 1 && tokens[0].tag === 'v') object = object.slice(tokens[0].end);
  }
  if (!object || indicatorProblem(object)) return undefined;
  return verb + object;
}
