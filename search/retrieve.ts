import { tokenize } from '../ingest/segment/index.js';
import { expandTerms } from './query/expandQuery.js';
import type { SearchIndexes } from './indexes/openIndexes.js';

export type SearchMode = 'keyword' | 'vector' | 'hybrid';

export interface RetrieveOptions {
  mode: SearchMode;
  limit: number;
  /** Only these passages may be returned (region, level and document filters resolved by the caller). */
  allowed?: Set<string>;
}

const CANDIDATES = 50;
/** Reciprocal rank fusion constant; 60 is the usual choice and our dev set agrees (see README, Evaluation). */
const RRF_K = 60;
const STOP = new Set(['哪些', '哪个', '什么', '多少', '是', '的', '了', '在', '有', '和', '与', '谁', '怎么', '如何', '吗', '呢', '都', '上', '做']);

/** Query terms for keyword search: jieba tokens minus question words, plus thesaurus siblings at a lower weight. */
export function keywordTerms(query: string): { terms: string[]; weights: Map<string, number> } {
  const own = tokenize(query).filter((t) => !STOP.has(t));
  const expanded = expandTerms(own);
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

function keywordSearch(indexes: SearchIndexes, query: string, limit: number): [string, number][] {
  const { terms, weights } = keywordTerms(query);
  return indexes.keyword.search(terms, limit, weights);
}

async function vectorSearch(indexes: SearchIndexes, query: string, limit: number, allowed?: Set<string>): Promise<[string, number][]> {
  const [vector] = await indexes.embedder.embed([query], { kind: 'query' });
  if (!vector.some((v) => v !== 0)) return [];
  return indexes.vectors.search(vector, limit, allowed ? (id) => allowed.has(id) : undefined).map((h) => [h.id, h.score]);
}

function fuse(lists: [string, number][][]): [string, number][] {
  const scores = new Map<string, number>();
  for (const list of lists) {
    list.forEach(([id], rank) => scores.set(id, (scores.get(id) ?? 0) + 1 / (RRF_K + rank + 1)));
  }
  return [...scores.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** One entry for every mode: each returns [passageId, score] best first; fusion happens here only. */
export async function retrieve(indexes: SearchIndexes, query: string, options: RetrieveOptions): Promise<[string, number][]> {
  const allow = (hits: [string, number][]) => (options.allowed ? hits.filter(([id]) => options.allowed!.has(id)) : hits);
  const pool = options.allowed ? Math.max(CANDIDATES, indexes.passages.size) : CANDIDATES;
  if (options.mode === 'keyword') return allow(keywordSearch(indexes, query, pool)).slice(0, options.limit);
  if (options.mode === 'vector') return allow(await vectorSearch(indexes, query, CANDIDATES, options.allowed)).slice(0, options.limit);
  const [keyword, vector] = [allow(keywordSearch(indexes, query, pool)).slice(0, CANDIDATES), allow(await vectorSearch(indexes, query, CANDIDATES, options.allowed))];
  return fuse([keyword, vector]).slice(0, options.limit);
}
