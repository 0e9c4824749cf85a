/** The SearchIndex contract against Neo4j's full-text and vector indexes (real test server). */
import type { DocumentGraph, PassageRecord } from '../../graph/model.js';
import { Neo4jSearchIndex } from '../../search/neo4j/Neo4jSearchIndex.js';
import { expect, it } from 'vitest';
import { Bm25Index } from '../../search/keyword/Bm25Index.js';
import { passagesForContract, runSearchIndexContract, type ContractPassage } from '../../search/searchIndex/searchIndexContract.js';
import { clearNeo4j, cypher, openNeo4jStore } from '../store/neo4jTestEnv.js';

/** One document whose passages are the given texts, separated by blank lines. */
export function graphOfPassages(passages: ContractPassage[], docId = 'doc-search-contract'): DocumentGraph {
  const text = passages.map((p) => p.text).join('\n\n');
  const articleId = `${docId}-art-0`;
  let offset = 0;
  const records: PassageRecord[] = passages.map((p, index) => {
    const start = offset;
    offset += p.text.length + 2;
    return { id: p.id, docId, articleId, index, start, end: start + p.text.length, text: p.text, breadcrumb: ['contract'], tokens: p.tokens.join(' ') };
  });
  return {
    document: { id: docId, path: `${docId}.txt`, title: 'contract', format: 'txt', encoding: 'utf-8', text, ingestedAt: '2026-01-01T00:00:00.000Z' },
    articles: [{ id: articleId, docId, index: 0, title: 'contract', start: 0, end: text.length }],
    passages: records,
    entities: [],
    relations: [],
  };
}

export function searchIndexCases(): void {
  runSearchIndexContract('neo4j (full-text + vector index)', async (passages, dimension) => {
    await clearNeo4j();
    const store = await openNeo4jStore();
    await store.upsertDocument(graphOfPassages(passages));
    const passageIndex = store.passageIndex();
    await passageIndex.ensureVectorIndex(dimension);
    return {
      index: new Neo4jSearchIndex(passageIndex, () => 'contract-embedder'),
      dispose: async () => {
        await store.close();
        await clearNeo4j();
      },
    };
  });
}

/** Keyword statistics kept in Neo4j follow every write: ranking equals a BM25 index rebuilt from the passages left. */
export function keywordStatisticsCases(): void {
  const passages = passagesForContract();
  const doc = (docId: string, path: string, list: ContractPassage[]): DocumentGraph => ({ ...graphOfPassages(list, docId), document: { ...graphOfPassages(list, docId).document, path } });
  const queries: [string[], Map<string, number>][] = [
    [['网格'], new Map()],
    [['网格员', '垃圾', '议事', '推行', '1+3+X'], new Map([['垃圾', 0.4]])],
  ];
  const expectRankingOf = async (index: Neo4jSearchIndex, left: ContractPassage[]) => {
    const reference = new Bm25Index(left.map((p) => ({ id: p.id, tokens: p.tokens })));
    for (const [terms, weights] of queries) expect(await index.keywordSearch(terms, 10, weights)).toEqual(reference.search(terms, 10, weights));
  };

  it('ranks as the embedded index after inserts, a replace and a delete, and after the statistics are rebuilt', async () => {
    await clearNeo4j();
    let store = await openNeo4jStore();
    try {
      const index = () => new Neo4jSearchIndex(store.passageIndex(), () => 'contract-embedder');
      await store.upsertDocument(doc('doc-one', 'one.txt', passages.slice(0, 2)));
      await store.upsertDocument(doc('doc-two', 'two.txt', passages.slice(2)));
      await expectRankingOf(index(), passages);
      // Same path, new content: the old passages leave the statistics, the new ones enter.
      const revised = passages.slice(2).map((p) => ({ ...p, id: `${p.id}-v2`, tokens: [...p.tokens, '网格'] }));
      expect(await store.upsertDocument(doc('doc-two-v2', 'two.txt', revised))).toMatchObject({ status: 'replaced' });
      await expectRankingOf(index(), [...passages.slice(0, 2), ...revised]);
      await store.deleteDocument('doc-one');
      await expectRankingOf(index(), revised);
      expect(await cypher('MATCH (s:TermStat {key: $key}) RETURN s.df AS df', { key: 'w 1+3+X' })).toEqual([]);
      // A database from before the statistics: a store opening it counts the passages again.
      await cypher('MATCH (n) WHERE n:KeywordStats OR n:TermStat DELETE n');
      await store.close();
      store = await openNeo4jStore();
      await expectRankingOf(index(), revised);
    } finally {
      await store.close();
      await clearNeo4j();
    }
  });
}
