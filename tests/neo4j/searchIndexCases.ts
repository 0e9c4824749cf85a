/** The SearchIndex contract against Neo4j's full-text and vector indexes (real test server). */
import type { DocumentGraph, PassageRecord } from '../../graph/model.js';
import { Neo4jSearchIndex } from '../../search/neo4j/Neo4jSearchIndex.js';
import { runSearchIndexContract, type ContractPassage } from '../../search/searchIndex/searchIndexContract.js';
import { clearNeo4j, openNeo4jStore } from '../store/neo4jTestEnv.js';

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
