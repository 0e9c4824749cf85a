/** A passage id and its score, best first in every list. */
export type ScoredId = [id: string, score: number];

/**
 * Where search looks for passages: keyword (jieba tokens, BM25-style) and vector (cosine) search, plus
 * the passage vectors it holds. Two implementations: the embedded one (in-process BM25 and HNSW files
 * in DATA_DIR) and Neo4j's (full-text and vector indexes in the database every server shares).
 */
export interface SearchIndex {
  readonly backend: 'embedded' | 'neo4j';
  /**
   * Passages containing the terms (jieba tokens), best first. A term no passage has as a token falls
   * back to its CJK character bigrams at half weight. `weights` default 1 per term.
   */
  keywordSearch(terms: readonly string[], limit: number, weights?: ReadonlyMap<string, number>): Promise<ScoredId[]>;
  /** The nearest passages by cosine similarity (1 = same direction), best first; only `allowed` ones when given. */
  vectorSearch(vector: ArrayLike<number>, limit: number, allowed?: ReadonlySet<string>): Promise<ScoredId[]>;
  /** Adds or replaces passage vectors (of the active embedder). */
  upsertVectors(ids: readonly string[], vectors: readonly ArrayLike<number>[]): Promise<void>;
  deleteVectors(ids: readonly string[]): Promise<void>;
}
