import { byScoreThenId } from '../keyword/bm25.js';
import type { ScoredId } from './SearchIndex.js';

/**
 * Both search indexes find candidates their own way (an HNSW graph each, Lucene or postings) and
 * then rank them here, with the same arithmetic and the same tie-break, so the embedded store and
 * Neo4j return the same list for the same data whenever the candidates hold the true best.
 */

/** How many vector candidates to rank exactly for `limit` results: a margin over the approximate search. */
export function vectorCandidateCount(limit: number): number {
  return limit * 2 + 16;
}

/** Exact cosine of the query with each candidate's stored vector, best first, equal scores by id. */
export function rankByCosine(query: ArrayLike<number>, candidates: readonly { id: string; vector: ArrayLike<number> }[], limit: number): ScoredId[] {
  let queryNorm = 0;
  for (let i = 0; i < query.length; i++) queryNorm += query[i] * query[i];
  queryNorm = Math.sqrt(queryNorm);
  const scored: ScoredId[] = candidates.map(({ id, vector }) => {
    let dot = 0;
    let norm = 0;
    for (let i = 0; i < vector.length; i++) {
      dot += query[i] * vector[i];
      norm += vector[i] * vector[i];
    }
    return [id, norm > 0 && queryNorm > 0 ? dot / (queryNorm * Math.sqrt(norm)) : 0];
  });
  return scored.sort(byScoreThenId).slice(0, Math.max(0, limit));
}
