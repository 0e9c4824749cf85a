import type { Bm25Index } from '../keyword/Bm25Index.js';
import type { VectorIndex } from '../vector/VectorIndex.js';
import { rankByCosine, vectorCandidateCount } from './exactRanking.js';
import type { ScoredId, SearchIndex } from './SearchIndex.js';

/**
 * The embedded store's search: the in-process BM25 and HNSW indexes. Getters, because the indexes are
 * replaced on refresh (BM25 rebuilt from the store, HNSW swapped when the embedder changes).
 */
export class EmbeddedSearchIndex implements SearchIndex {
  readonly backend = 'embedded' as const;

  constructor(
    private readonly keyword: () => Bm25Index,
    private readonly vectors: () => VectorIndex,
  ) {}

  async keywordSearch(terms: readonly string[], limit: number, weights: ReadonlyMap<string, number> = new Map()): Promise<ScoredId[]> {
    return this.keyword().search([...terms], limit, new Map(weights));
  }

  async vectorSearch(vector: ArrayLike<number>, limit: number, allowed?: ReadonlySet<string>): Promise<ScoredId[]> {
    const index = this.vectors();
    const hits = index.search(vector, vectorCandidateCount(limit), allowed ? (id) => allowed.has(id) : undefined);
    return rankByCosine(vector, hits.flatMap((h) => {
      const stored = index.vectorOf(h.id);
      return stored ? [{ id: h.id, vector: stored }] : [];
    }), limit);
  }

  async upsertVectors(ids: readonly string[], vectors: readonly ArrayLike<number>[]): Promise<void> {
    this.vectors().add(ids, vectors);
  }

  async deleteVectors(ids: readonly string[]): Promise<void> {
    this.vectors().remove(ids);
  }
}
