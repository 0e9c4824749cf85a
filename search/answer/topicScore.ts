import { expandTerms } from '../query/expandQuery.js';

/** How well texts cover the topic: 1 per topic word found, 0.4 when only a thesaurus sibling is. */
export function topicScore(texts: string[], topic: string[]): number {
  let score = 0;
  for (const term of topic) {
    if (texts.some((text) => text.includes(term))) score += 1;
    else if (expandTerms([term]).terms.some((t) => t !== term && t.length >= 2 && texts.some((text) => text.includes(t)))) score += 0.4;
  }
  return score;
}

/**
 * Keeps the candidates that cover the topic at least `share` as well as the best one (and at
 * least `minimum`); with no topic words, all of them.
 */
export function bestByTopic<T>(candidates: { value: T; score: number }[], topic: string[], minimum: number, share = 1): T[] {
  if (topic.length === 0) return candidates.map((c) => c.value);
  const best = Math.max(0, ...candidates.map((c) => c.score));
  if (best < minimum) return [];
  return candidates.filter((c) => c.score >= Math.max(minimum, best * share) - 1e-9).map((c) => c.value);
}

/** Topic words plus the halves of long ones (网格化管理 → 网格, 管理), so a practice named for part of a theme still matches. */
export function scoringTerms(words: string[]): string[] {
  const terms = new Set<string>();
  for (const word of words) {
    terms.add(word);
    if (word.length >= 4 && /^[\u4e00-\u9fff]+$/.test(word)) {
      terms.add(word.slice(0, 2));
      terms.add(word.slice(-2));
    }
  }
  return [...terms];
}
