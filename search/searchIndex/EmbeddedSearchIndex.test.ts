import { Bm25Index } from '../keyword/Bm25Index.js';
import { VectorIndex } from '../vector/VectorIndex.js';
import { EmbeddedSearchIndex } from './EmbeddedSearchIndex.js';
import { runSearchIndexContract } from './searchIndexContract.js';

runSearchIndexContract('embedded (BM25 + HNSW)', async (passages, dimension) => {
  const keyword = new Bm25Index(passages.map((p) => ({ id: p.id, tokens: p.tokens })));
  const vectors = VectorIndex.create({ dimension, embedderId: 'contract' });
  return { index: new EmbeddedSearchIndex(() => keyword, () => vectors), dispose: async () => undefined };
});
