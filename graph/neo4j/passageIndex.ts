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

/**
 * One statement for a keyword search: the statistics of every term asked (document frequency per
 * field) and of the whole index, and the candidates: passages holding a known word (token index),
 * or a bigram of an unknown word (raw-text cjk index), each with its tokens for exact scoring.
 */
const KEYWORD_CANDIDATES = `
OPTIONAL MATCH (k:KeywordStats {id: 'passages'})
CALL () {
  UNWIND $keys AS key
  OPTIONAL MATCH (s:TermStat {key: key})
  RETURN collect([key, coalesce(s.df, 0)]) AS dfs
}
WITH k, dfs, [d IN dfs WHERE d[1] > 0 | d[0]] AS present
WITH k, dfs,
  reduce(q = '', t IN [t IN $terms WHERE t.key IN present] | q + CASE WHEN q = '' THEN '' ELSE ' OR ' END + t.phrase) AS wordQuery,
  reduce(q = '', t IN [t IN $terms WHERE t.grams <> '' AND NOT t.key IN present] | q + CASE WHEN q = '' THEN '' ELSE ' OR ' END + t.grams) AS gramQuery
CALL (wordQuery) {
  UNWIND (CASE WHEN wordQuery = '' THEN [] ELSE [wordQuery] END) AS query
  CALL db.index.fulltext.queryNodes('${FULLTEXT_PASSAGES}', query, {limit: $candidates}) YIELD node
  RETURN collect(node {.id, .tokens}) AS byWords
}
CALL (gramQuery) {
  UNWIND (CASE WHEN gramQuery = '' THEN [] ELSE [gramQuery] END) AS query
  CALL db.index.fulltext.queryNodes('${FULLTEXT_PASSAGE_TEXT}', query, {limit: $candidates}) YIELD node
  RETURN collect(node {.id, .tokens}) AS byGrams
}
RETURN coalesce(k.docs, 0) AS docs, coalesce(k.words, 0) AS words, coalesce(k.grams, 0) AS grams, dfs, byWords + byGrams AS candidates`;

/** A query term: its statistics key, its Lucene phrase, and the phrases of its bigrams ('' when it has none). */
export interface CandidateTerm {
  readonly key: string;
  readonly phrase: string;
  readonly grams: string;
}

export interface KeywordCandidates {
  /** Passages, and total words and bigrams over them, as the embedded index counts. */
  docs: number;
  words: number;
  grams: number;
  /** Document frequency by statistics key (`w term`, `g gram`). */
  df: Map<string, number>;
  /** Passages holding some term, each once, with their tokens. */
  candidates: { id: string; tokens: string }[];
}

const VECTOR_IDS = 'MATCH (p:Passage) WHERE p.embedderId = $embedderId RETURN p.id AS id';
const SET_VECTORS = `
UNWIND $rows AS row
MATCH (p:Passage {id: row.id})
SET p.embedding = row.vector, p.vectorBytes = row.bytes, p.embedderId = $embedderId`;
const REMOVE_VECTORS = 'UNWIND $ids AS id MATCH (p:Passage {id: id}) REMOVE p.embedding, p.vectorBytes, p.embedderId';

/**
 * The vector again as little-endian float32 bytes: one Bolt byte array reads back far faster than a
 * list of floats, and holds the same 32-bit values for exact ranking.
 */
function toBytes(vector: ArrayLike<number>): Int8Array {
  const view = new DataView(new ArrayBuffer(vector.length * 4));
  for (let i = 0; i < vector.length; i++) view.setFloat32(i * 4, vector[i], true);
  return new Int8Array(view.buffer);
}

function fromBytes(bytes: Int8Array | Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Array<number>(bytes.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** Vectors written before vectorBytes existed come back as the float list. */
const STORED_VECTOR = (n: string) => `${n}.vectorBytes AS bytes, CASE WHEN ${n}.vectorBytes IS NULL THEN ${n}.embedding END AS vector`;

/** Neo4j's cosine score is (1 + cos) / 2; callers compare cosines, as the embedded index returns. */
const VECTOR_SEARCH = `
CALL db.index.vector.queryNodes('${VECTOR_PASSAGES}', $k, $vector) YIELD node, score
WHERE node.embedderId = $embedderId
RETURN node.id AS id, ${STORED_VECTOR('node')}, 2 * score - 1 AS score ORDER BY score DESC, id LIMIT $limit`;

/** Exact scoring of an allowed set (filters): no ANN candidate can be missed by the filter. */
const VECTOR_SCAN = `
UNWIND $ids AS id
MATCH (p:Passage {id: id}) WHERE p.embedderId = $embedderId
RETURN p.id AS id, ${STORED_VECTOR('p')}, vector.similarity.cosine(p.embedding, $vector) * 2 - 1 AS score
ORDER BY score DESC, id LIMIT $limit`;

const VECTOR_INDEX_DIMENSION = `
SHOW VECTOR INDEXES YIELD name, options WHERE name = $name
RETURN options.indexConfig['vector.dimensions'] AS dimension`;

/** Allowed sets up to this size are scored exactly; larger ones filter ANN candidates. */
const EXACT_SCAN_LIMIT = 5000;

interface StoredVectorRow { id: string; bytes: Int8Array | null; vector: number[] | null }

export class Neo4jPassageIndex {
  constructor(
    private readonly read: Work,
    private readonly write: Work,
    private readonly schema: (statement: string) => Promise<void>,
  ) {}

  /** Statistics and candidate passages of a keyword search, in one round trip (see KEYWORD_CANDIDATES). */
  async keywordCandidates(terms: readonly CandidateTerm[], statKeys: readonly string[], candidates: number): Promise<KeywordCandidates> {
    const [row] = await this.read((tx) => rows<{ docs: unknown; words: unknown; grams: unknown; dfs: [string, unknown][]; candidates: { id: string; tokens: string }[] }>(
      tx, KEYWORD_CANDIDATES, { terms: [...terms], keys: [...new Set(statKeys)], candidates: neo4j.int(Math.max(1, Math.trunc(candidates))) }));
    const unique = new Map(row.candidates.map((c) => [c.id, { id: c.id, tokens: c.tokens ?? '' }]));
    return {
      docs: Number(row.docs), words: Number(row.words), grams: Number(row.grams),
      df: new Map(row.dfs.map(([key, df]) => [key, Number(df)])),
      candidates: [...unique.values()],
    };
  }

  /** A Lucene phrase query for one term at a weight: its operators are literal. */
  static phrase(term: string, weight = 1): string {
    return boosted({ term, weight });
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
    const list = ids.map((id, i) => ({ id, vector: Array.from(vectors[i]), bytes: toBytes(vectors[i]) }));
    await this.write((tx) => tx.run(SET_VECTORS, { rows: list, embedderId }));
  }

  async removeVectors(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.write((tx) => tx.run(REMOVE_VECTORS, { ids: [...ids] }));
  }

  /**
   * Candidates for the k nearest passages of this embedder, with their stored vectors (the caller
   * ranks them exactly); `allowed` restricts the candidates.
   */
  async vectorCandidates(embedderId: string, vector: ArrayLike<number>, limit: number, allowed?: ReadonlySet<string>): Promise<{ id: string; vector: number[] }[]> {
    if (limit <= 0 || (allowed && allowed.size === 0)) return [];
    const v = Array.from(vector);
    const found = allowed && allowed.size <= EXACT_SCAN_LIMIT
      ? await this.read((tx) => rows<StoredVectorRow>(tx, VECTOR_SCAN, {
        ids: [...allowed], vector: v, embedderId, limit: neo4j.int(Math.trunc(limit)),
      }))
      : await this.read((tx) => rows<StoredVectorRow>(tx, VECTOR_SEARCH, {
        // Extra candidates: passages of another embedder (or outside `allowed`) are dropped after the ANN step.
        k: neo4j.int(Math.trunc(allowed ? limit * 8 : limit) + 16), vector: v, embedderId, limit: neo4j.int(Math.trunc(allowed ? limit * 8 : limit)),
      }));
    return (allowed ? found.filter((r) => allowed.has(r.id)) : found)
      .slice(0, limit)
      .map((r) => ({ id: r.id, vector: r.bytes ? fromBytes(r.bytes) : (r.vector ?? []) }));
  }
}
