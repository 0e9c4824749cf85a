import { tokenize } from '../text/segment/index.js';
import { expandTerms } from './query/expandQuery.js';
import type { SearchIndexes } from './indexes/openIndexes.js';

export type SearchMode = 'keyword' | 'vector' | 'hybrid';

export interface RetrieveOptions {
  mode: SearchMode;
  limit: number;
  /** Only these passages may be returned (region, level and document filters resolved by the caller). */
  allowed?: Set<string>;
  /** Weight of the vector ranking in the fusion, the keyword ranking weighing 1. */
  vectorWeight?: number;
  /** Add thesaurus siblings to keyword queries (default true); off measures plain keyword search. */
  expand?: boolean;
}

/** Chosen from the dev-set sweep (npm run eval -- --sweep; README, Evaluation): the corpus embedder. */
export const DEFAULT_VECTOR_WEIGHT = 0.25;
/** The same sweep with bge-small-zh-v1.5 (npm run eval -- --sweep --embedder auto; README, Embeddings). */
export const MODEL_VECTOR_WEIGHT = 0.5;

/** The fusion weight for the active embedder: the transformers model earns more weight than the corpus LSA. */
export function defaultVectorWeight(embedderId: string): number {
  return embedderId.startsWith('transformers-') ? MODEL_VECTOR_WEIGHT : DEFAULT_VECTOR_WEIGHT;
}

const CANDIDATES = 50;
/** Reciprocal rank fusion constant; 60 is the usual choice and our dev set agrees (see README, Evaluation). */
const RRF_K = 60;
const STOP = new Set(['哪些', '哪个', '什么', '多少', '是', '的', '了', '在', '有', '和', '与', '谁', '怎么', '如何', '吗', '呢', '都', '上', '做']);

/** Query terms for keyword search: jieba tokens minus question words, plus thesaurus siblings at a lower weight. */
export function keywordTerms(query: string, expand = true): { terms: string[]; weights: Map<string, number> } {
  const own = tokenize(query).filter((t) => !STOP.has(t));
  const expanded = expand ? expandTerms(own) : { terms: own, weights: new Map(own.map((t) => [t, 1])) };
  const weights = new Map<string, number>();
  for (const term of expanded.terms) {
    const weight = expanded.weights.get(term) ?? 1;
    // Siblings are phrases (为老服务); index terms are jieba tokens, so split them the same way.
    for (const token of weight === 1 ? [term] : tokenize(term)) {
      if (!STOP.has(token)) weights.set(token, Math.max(weights.get(token) ?? 0, weight));
    }
  }
  return { terms: [...weights.keys()], weights };
}

function keywordSearch(indexes: SearchIndexes, query: string, limit: number, expand = true): Promise<[string, number][]> {
  const { terms, weights } = keywordTerms(query, expand);
  return indexes.search.keywordSearch(terms, limit, weights);
}

async function vectorSearch(indexes: SearchIndexes, query: string, limit: number, allowed?: Set<string>, expand = true): Promise<[string, number][]> {
  // The thesaurus siblings join the query text too, so both rankings see the reports' own wording.
  const text = expand ? `${query} ${expandTerms(tokenize(query).filter((t) => !STOP.has(t))).terms.join(' ')}` : query;
  const [vector] = await indexes.embedder.embed([text], { kind: 'query' });
  if (!vector.some((v) => v !== 0)) return [];
  return indexes.search.vectorSearch(vector, limit, allowed);
}

function fuse(lists: { hits: [string, number][]; weight: number }[]): [string, number][] {
  const scores = new Map<string, number>();
  for (const { hits, weight } of lists) {
    hits.forEach(([id], rank) => scores.set(id, (scores.get(id) ?? 0) + weight / (RRF_K + rank + 1)));
  }
  return [...scores.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** One entry for every mode: each returns [passageId, score] best first; fusion happens here only. */
export async function retrieve(indexes: SearchIndexes, query: string, options: RetrieveOptions): Promise<[string, number][]> {
  const allow = (hits: [string, number][]) => (options.allowed ? hits.filter(([id]) => options.allowed!.has(id)) : hits);
  const pool = options.allowed ? Math.max(CANDIDATES, indexes.passages.size) : CANDIDATES;
  if (options.mode === 'keyword') return allow(await keywordSearch(indexes, query, pool, options.expand)).slice(0, options.limit);
  if (options.mode === 'vector') return allow(await vectorSearch(indexes, query, CANDIDATES, options.allowed, options.expand)).slice(0, options.limit);
  // Both at once: with the Neo4j backend each is a round trip to the database.
  const [keywordHits, vectorHits] = await Promise.all([
    keywordSearch(indexes, query, pool, options.expand),
    vectorSearch(indexes, query, CANDIDATES, options.allowed, options.expand),
  ]);
  const [keyword, vector] = [allow(keywordHits).slice(0, CANDIDATES), allow(vectorHits)];
  return fuse([
    { hits: keyword, weight: 1 },
    { hits: vector, weight: options.vectorWeight ?? defaultVectorWeight(indexes.embedder.id) },
  ]).slice(0, options.limit);
}
