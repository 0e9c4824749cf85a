import { Neo4jPassageIndex, type CandidateTerm } from '../../graph/neo4j/passageIndex.js';
import { charBigrams, keywordFields, statKey } from '../../graph/keywordTerms.js';
import { BIGRAM_WEIGHT, byScoreThenId, idf, scoringPlan, termScore } from '../keyword/bm25.js';
import { rankByCosine, vectorCandidateCount } from '../searchIndex/exactRanking.js';
import type { ScoredId, SearchIndex } from '../searchIndex/SearchIndex.js';
import { unitArray } from '../vector/VectorIndex.js';

/** Lucene's own ranking only picks candidates: this many, at least, are scored exactly per search. */
const MIN_KEYWORD_CANDIDATES = 200;

/**
 * Search in Neo4j (GRAPH_BACKEND=neo4j): every server sharing the database searches the same
 * passages and vectors, and sees another server's ingest or delete at once. Vectors are those of
 * one embedder (`embedderId`): passages embedded by another embedder are not returned.
 *
 * Ranking is the embedded index's: the full-text and vector indexes only find candidates (a
 * generous number), which are then scored with the same BM25 arithmetic over the statistics the
 * database keeps beside the passages, or by exact cosine, with the same tie-break by passage id.
 */
export class Neo4jSearchIndex implements SearchIndex {
  readonly backend = 'neo4j' as const;

  constructor(
    private readonly passages: Neo4jPassageIndex,
    private readonly embedderId: () => string,
  ) {}

  async keywordSearch(terms: readonly string[], limit: number, weights: ReadonlyMap<string, number> = new Map()): Promise<ScoredId[]> {
    const unique = [...new Set(terms)].filter((t) => t.trim() !== '');
    if (unique.length === 0 || limit <= 0) return [];
    const asked: CandidateTerm[] = unique.map((term) => {
      const weight = weights.get(term) ?? 1;
      return {
        key: statKey('words', term),
        phrase: Neo4jPassageIndex.phrase(term, weight),
        grams: charBigrams(term).map((g) => Neo4jPassageIndex.phrase(g, BIGRAM_WEIGHT * weight)).join(' OR '),
      };
    });
    const keys = unique.flatMap((t) => [statKey('words', t), ...charBigrams(t).map((g) => statKey('grams', g))]);
    const found = await this.passages.keywordCandidates(asked, keys, Math.max(MIN_KEYWORD_CANDIDATES, 4 * limit));
    const df = (field: 'words' | 'grams', term: string) => found.df.get(statKey(field, term)) ?? 0;
    const plan = scoringPlan(unique, weights, (t) => df('words', t) > 0).map((s) => ({ ...s, idf: idf(found.docs, df(s.field, s.term)) }));
    const avg = { words: found.words / Math.max(1, found.docs), grams: found.grams / Math.max(1, found.docs) };
    const hits: ScoredId[] = [];
    for (const candidate of found.candidates) {
      const fields = keywordFields(candidate.tokens);
      const counts = { words: tally(fields.words), grams: tally(fields.grams) };
      let score = 0;
      // Summed term by term in the plan's order, as the embedded index sums them.
      for (const { field, term, weight, idf: termIdf } of plan) {
        const tf = counts[field].get(term) ?? 0;
        if (tf > 0) score += termScore(weight, termIdf, tf, fields[field].length, avg[field]);
      }
      if (score > 0) hits.push([candidate.id, score]);
    }
    return hits.sort(byScoreThenId).slice(0, limit);
  }

  async vectorSearch(vector: ArrayLike<number>, limit: number, allowed?: ReadonlySet<string>): Promise<ScoredId[]> {
    if (!Array.from(vector).some((v) => v !== 0) || limit <= 0) return [];
    const candidates = await this.passages.vectorCandidates(this.embedderId(), vector, vectorCandidateCount(limit), allowed);
    return rankByCosine(vector, candidates, limit);
  }

  upsertVectors(ids: readonly string[], vectors: readonly ArrayLike<number>[]): Promise<void> {
    // Stored as the embedded index stores them (unit length, 32-bit): exact ranking sees the same numbers.
    return this.passages.setVectors(this.embedderId(), ids, vectors.map((v) => Float32Array.from(unitArray(v))));
  }

  deleteVectors(ids: readonly string[]): Promise<void> {
    return this.passages.removeVectors(ids);
  }
}

function tally(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
