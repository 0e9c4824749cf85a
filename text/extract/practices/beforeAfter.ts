import { PAIR_VERBS, PAIR_VERB_LIST, alternation } from './data.js';
import type { Quantity } from './findQuantities.js';
import type { Change } from './metricIndicator.js';

/** A before→after pair (从86个减到61个, 由1.84万人增加到2.71万人): one metric with both values. */
export interface Pair {
  before: Quantity;
  after: Quantity;
  /** Where 从/由 opens the pair: the indicator ends before it. */
  markerStart: number;
  change?: Change;
  /** The time the after value names (提升到今年5月的89.6% → 今年5月). */
  afterPeriod?: string;
  /** A noun between the before value and the verb (由38个网格调整为54个). */
  noun?: { text: string; start: number; end: number };
}

// 从 / 由, optionally with the time of the before value: 由去年的3584家, 从2020年底的, 由原来的.
const MARKER = /[从由](?:\d{4}年)?(?:[^，。；,;从由\d]{0,6}?的|(?:底|初|末)的?|今年|去年|年初|原来的?)?\s*$/;
// The after value may carry its own time: 提升到今年5月的89.6%, 提高到目前的5100元.
const AFTER_TIME = '(目前|现在|当前|今年(?:\\d{1,2}月)?|去年|\\d{4}年(?:\\d{1,2}月)?(?:底|末)?)?的?';
const BETWEEN = new RegExp(`^\\s*([\\p{Script=Han}]{0,8}?)\\s*(${alternation(PAIR_VERB_LIST)})?(?:到|至|为|成)\\s*${AFTER_TIME}\\s*$`, 'u');

/**
 * The pair that `q` opens with the next quantity: 从/由 right before `q` (in its clause, after
 * `cut`), then a change verb (optional: 由38个到54个) and 到/至/为/成 right before the next quantity
 * of the same unit. The direction comes from the verb, else from the values (调整为).
 */
export function pairAfter(text: string, q: Quantity, next: Quantity | undefined, cut: number): Pair | undefined {
  if (!next || next.rejected || next.unit !== q.unit) return undefined;
  const marker = MARKER.exec(text.slice(cut, q.start));
  if (!marker) return undefined;
  const between = BETWEEN.exec(text.slice(q.end, next.start));
  if (!between) return undefined;
  const [, noun, verb, afterTime] = between;
  if (noun && !verb) return undefined;
  const stated = verb ? PAIR_VERBS[verb] : null;
  const change: Change | undefined = stated ?? (next.value > q.value ? 'increase' : next.value < q.value ? 'decrease' : undefined);
  const pair: Pair = { before: q, after: next, markerStart: cut + marker.index, change };
  if (afterTime && afterTime !== '目前' && afterTime !== '现在' && afterTime !== '当前') pair.afterPeriod = afterTime;
  if (noun) {
    const start = q.end + text.slice(q.end).indexOf(noun);
    pair.noun = { text: noun, start, end: start + noun.length };
  }
  return pair;
}
