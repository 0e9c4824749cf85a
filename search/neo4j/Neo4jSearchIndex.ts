import type { Neo4jPassageIndex, WeightedTerm } from '../../graph/neo4j/passageIndex.js';
import { charBigrams } from '../keyword/Bm25Index.js';
import type { ScoredId, SearchIndex } from '../searchIndex/SearchIndex.js';

/** Half weight for a term's bigrams when the term itself is no passage's token, as in Bm25Index. */
const BIGRAM_WEIGHT = 0.5;

/**
 * Search in Neo4j (GRAPH_BACKEND=neo4j): every server sharing the database searches the same
 * passages and vectors, and sees another server's ingest or delete at once. Vectors are those of
 * one embedder (`embedderId`): passages embedded by another embedder are not returned.
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
    const known = await this.passages.knownTerms(unique);
    const words: WeightedTerm[] = [];
    const grams: WeightedTerm[] = [];
    for (const term of unique) {
      const weight = weights.get(term) ?? 1;
      if (known.has(term)) words.push({ term, weight });
      else for (const gram of charBigrams(term)) grams.push({ term: gram, weight: BIGRAM_WEIGHT * weight });
    }
    return this.passages.keywordSearch(words, grams, limit);
  }

  vectorSearch(vector: ArrayLike<number>, limit: number, allowed?: ReadonlySet<string>): Promise<ScoredId[]> {
    if (!Array.from(vector).some((v) => v !== 0)) return Promise.resolve([]);
    return this.passages.vectorSearch(this.embedderId(), vector, limit, allowed);
  }

  upsertVectors(ids: readonly string[], vectors: readonly ArrayLike<number>[]): Promise<void> {
    return this.passages.setVectors(this.embedderId(), ids, vectors);
  }

  deleteVectors(ids: readonly string[]): Promise<void> {
    return this.passages.removeVectors(ids);
  }
}
