import { charBigrams } from '../../graph/keywordTerms.js';

/**
 * The BM25 arithmetic every keyword index uses, kept in one place so the embedded index and the
 * Neo4j one compute the same numbers in the same order (floating-point sums depend on it).
 */
export const K1 = 1.2;
export const B = 0.75;
/** A term that is no passage's token scores through its bigrams at this share of its weight. */
export const BIGRAM_WEIGHT = 0.5;

export function idf(docCount: number, df: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}

export function termScore(weight: number, termIdf: number, tf: number, length: number, avgLength: number): number {
  return weight * termIdf * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / avgLength)));
}

export interface ScoredTerm {
  field: 'words' | 'grams';
  term: string;
  weight: number;
}

/**
 * The query's terms in the order their scores are summed: each distinct term as a word when some
 * passage has it as a token, else each of its bigrams at BIGRAM_WEIGHT.
 */
export function scoringPlan(terms: readonly string[], weights: ReadonlyMap<string, number>, known: (term: string) => boolean): ScoredTerm[] {
  const plan: ScoredTerm[] = [];
  for (const term of new Set(terms)) {
    const weight = weights.get(term) ?? 1;
    if (known(term)) plan.push({ field: 'words', term, weight });
    else for (const gram of charBigrams(term)) plan.push({ field: 'grams', term: gram, weight: BIGRAM_WEIGHT * weight });
  }
  return plan;
}

/** Best first; equal scores by id, so every index breaks ties alike. */
export function byScoreThenId(a: [string, number], b: [string, number]): number {
  return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}
