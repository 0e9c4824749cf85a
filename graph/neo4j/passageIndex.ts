import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { rows } from './cypher.js';
import { FULLTEXT_PASSAGE_TEXT, FULLTEXT_PASSAGES, VECTOR_PASSAGES } from './vocabulary.js';

/**
 * Search over passages held in Neo4j, so every server sharing the database searches the same data:
 * keyword search in the full-text indexes (jieba tokens, whitespace analyzer; raw text, cjk analyzer)
 * and passage vectors in a vector index. The search layer (search/neo4j/) builds on this.
 */

export interface WeightedTerm {
  readonly term: string;
  readonly weight: number;
}

type Work = <T>(work: (tx: ManagedTransaction) => Promise<T>) => Promise<T>;

/** A quoted Lucene phrase with a boost: operators inside the term are literal. */
function boosted({ term, weight }: WeightedTerm): string {
  const quoted = `"${term.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  return weight === 1 ? quoted : `${quoted}^${Number(weight.toFixed(6))}`;
}

const KNOWN_TERMS = `
UNWIND $terms AS t
CALL (t) {
  CALL db.index.fulltext.queryNodes('${FULLTEXT_PASSAGES}', t.query, {limit: 1}) YIELD node
  RETURN count(node) AS hits
}
RETURN t.term AS term, hits > 0 AS known`;

/** Word scores from the token index plus character-bigram scores (the cjk analyzer's terms) of the raw text. */
const keywordQuery = (withGrams: boolean) => `
CALL () {
  CALL db.index.fulltext.queryNodes('${FULLTEXT_PASSAGES}', $words, {limit: $limit}) YIELD node, score
  RETURN node.id AS id, score
  ${withGrams ? `UNION ALL
  CALL db.index.fulltext.queryNodes('${FULLTEXT_PASSAGE_TEXT}', $grams, {limit: $limit}) YIELD node, score
  RETURN node.id AS id, score` : ''}
}
RETURN id, sum(score) AS score ORDER BY score DESC, id LIMIT $limit`;

const GRAMS_ONLY = `
CALL db.index.fulltext.queryNodes('${FULLTEXT_PASSAGE_TEXT}', $grams, {limit: $limit}) YIELD node, score
RETURN node.id AS id, score ORDER BY score DESC, id LIMIT $limit`;

const VECTOR_IDS = 'MATCH (p:Passage) WHERE p.embedderId = $embedderId RETURN p.id AS id';
const SET_VECTORS = `
UNWIND $rows AS row
MATCH (p:Passage {id: row.id})
SET p.embedding = row.vector, p.embedderId = $embedderId`;
const REMOVE_VECTORS = 'UNWIND $ids AS id MATCH (p:Passage {id: id}) REMOVE p.embedding, p.embedderId';

/** Neo4j's cosine score is (1 + cos) / 2; callers compare cosines, as the embedded index returns. */
const VECTOR_SEARCH = `
CALL db.index.vector.queryNodes('${VECTOR_PASSAGES}', $k, $vector) YIELD node, score
WHERE node.embedderId = $embedderId
RETURN node.id AS id, 2 * score - 1 AS score ORDER BY score DESC, id LIMIT $limit`;

/** Exact scoring of an allowed set (filters): no ANN candidate can be missed by the filter. */
const VECTOR_SCAN = `
UNWIND $ids AS id
MATCH (p:Passage {id: id}) WHERE p.embedderId = $embedderId
RETURN p.id AS id, vector.similarity.cosine(p.embedding, $vector) * 2 - 1 AS score
ORDER BY score DESC, id LIMIT $limit`;

const VECTOR_INDEX_DIMENSION = `
SHOW VECTOR INDEXES YIELD name, options WHERE name = $name
RETURN options.indexConfig['vector.dimensions'] AS dimension`;

/** Allowed sets up to this size are scored exactly; larger ones filter ANN candidates. */
const EXACT_SCAN_LIMIT = 5000;

export class Neo4jPassageIndex {
  constructor(
    private readonly read: Work,
    private readonly write: Work,
    private readonly schema: (statement: string) => Promise<void>,
  ) {}

  /** The terms that occur in some passage's tokens (one round trip). */
  async knownTerms(terms: readonly string[]): Promise<Set<string>> {
    if (terms.length === 0) return new Set();
    const found = await this.read((tx) =>
      rows<{ term: string; known: boolean }>(tx, KNOWN_TERMS, { terms: terms.map((term) => ({ term, query: boosted({ term, weight: 1 }) })) }));
    return new Set(found.filter((r) => r.known).map((r) => r.term));
  }

  /**
   * Passages by Lucene BM25 over their jieba tokens (words, exact terms) plus their raw text's
   * character bigrams (grams, cjk analyzer), scores summed; [id, score] best first.
   */
  async keywordSearch(words: readonly WeightedTerm[], grams: readonly WeightedTerm[], limit: number): Promise<[string, number][]> {
    if ((words.length === 0 && grams.length === 0) || limit <= 0) return [];
    const params = { words: words.map(boosted).join(' OR '), grams: grams.map(boosted).join(' OR '), limit: neo4j.int(Math.trunc(limit)) };
    const query = words.length === 0 ? GRAMS_ONLY : keywordQuery(grams.length > 0);
    const found = await this.read((tx) => rows<{ id: string; score: number }>(tx, query, params));
    return found.map((r) => [r.id, r.score]);
  }

  /**
   * Creates the cosine vector index for this dimension, unquantized and with the embedded hnswlib
   * index's graph parameters (m 16, efConstruction 200) so both backends rank alike; one built for another dimension (another
   * embedder) is dropped first, since its vectors are rebuilt anyway.
   */
  async ensureVectorIndex(dimension: number): Promise<void> {
    const [existing] = await this.read((tx) => rows<{ dimension: unknown }>(tx, VECTOR_INDEX_DIMENSION, { name: VECTOR_PASSAGES }));
    if (existing && Number(existing.dimension) === dimension) return;
    if (existing) await this.schema(`DROP INDEX ${VECTOR_PASSAGES} IF EXISTS`);
    await this.schema(`CREATE VECTOR INDEX ${VECTOR_PASSAGES} IF NOT EXISTS FOR (p:Passage) ON p.embedding
      OPTIONS { indexConfig: {
        \`vector.dimensions\`: ${Math.trunc(dimension)}, \`vector.similarity_function\`: 'cosine',
        \`vector.quantization.enabled\`: false, \`vector.hnsw.m\`: 16, \`vector.hnsw.ef_construction\`: 200
      } }`);
    await this.read((tx) => tx.run('CALL db.awaitIndexes(300)'));
  }

  /** Ids of the passages holding a vector of this embedder. */
  async vectorIds(embedderId: string): Promise<string[]> {
    return (await this.read((tx) => rows<{ id: string }>(tx, VECTOR_IDS, { embedderId }))).map((r) => r.id);
  }

  /** Stores vectors on their passages (a passage deleted meanwhile is skipped). */
  async setVectors(embedderId: string, ids: readonly string[], vectors: readonly ArrayLike<number>[]): Promise<void> {
    if (ids.length === 0) return;
    const list = ids.map((id, i) => ({ id, vector: Array.from(vectors[i]) }));
    await this.write((tx) => tx.run(SET_VECTORS, { rows: list, embedderId }));
  }

  async removeVectors(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.write((tx) => tx.run(REMOVE_VECTORS, { ids: [...ids] }));
  }

  /** The k nearest passages of this embedder by cosine, best first; `allowed` restricts the candidates. */
  async vectorSearch(embedderId: string, vector: ArrayLike<number>, limit: number, allowed?: ReadonlySet<string>): Promise<[string, number][]> {
    if (limit <= 0 || (allowed && allowed.size === 0)) return [];
    const v = Array.from(vector);
    const found = allowed && allowed.size <= EXACT_SCAN_LIMIT
      ? await this.read((tx) => rows<{ id: string; score: number }>(tx, VECTOR_SCAN, {
        ids: [...allowed], vector: v, embedderId, limit: neo4j.int(Math.trunc(limit)),
      }))
      : await this.read((tx) => rows<{ id: string; score: number }>(tx, VECTOR_SEARCH, {
        // Extra candidates: passages of another embedder (or outside `allowed`) are dropped after the ANN step.
        k: neo4j.int(Math.trunc(allowed ? limit * 8 : limit * 2) + 16), vector: v, embedderId, limit: neo4j.int(Math.trunc(allowed ? limit * 8 : limit)),
      }));
    const kept = allowed ? found.filter((r) => allowed.has(r.id)) : found;
    return kept.slice(0, limit).map((r) => [r.id, r.score]);
  }
}
