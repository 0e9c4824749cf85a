import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../graph/config.js';
import type { GraphStore } from '../../graph/GraphStore.js';
import type { PassageRecord } from '../../graph/model.js';
import { tokenize } from '../../ingest/segment/index.js';
import { CorpusEmbedder } from '../embed/CorpusEmbedder.js';
import type { Embedder } from '../embed/Embedder.js';
import { chooseEmbedder } from '../embed/chooseEmbedder.js';
import { Bm25Index } from '../keyword/Bm25Index.js';
import { VectorIndex } from '../vector/VectorIndex.js';

export interface SearchIndexes {
  passages: Map<string, PassageRecord>;
  keyword: Bm25Index;
  vectors: VectorIndex;
  embedder: Embedder;
  /** Which embedder is active and why, for logs and the UI. */
  embedderReason: string;
}

const EMBED_BATCH = 64;

function paths(config: Config) {
  return {
    corpusModel: path.join(config.dataDir, 'embedder', 'corpus-model.bin'),
    vectors: path.join(config.dataDir, 'vectors'),
  };
}

/** Retrain when the store's passages differ from the training set by more than this share. */
const RETRAIN_DRIFT = 0.2;

/** Stands in while the store holds too little text to train on: keyword search still works. */
const EMPTY_EMBEDDER: Embedder = {
  id: 'empty',
  dimension: 1,
  embed: async (texts) => texts.map(() => new Float32Array(1)),
};

/**
 * The corpus embedder is trained once and kept while the corpus stays about the same, so an
 * ingest only embeds its new passages; a corpus that grew or shrank by over 20% retrains it
 * (and the vector index is then rebuilt, since the embedder id changes).
 */
async function loadOrTrainCorpusEmbedder(file: string, passages: PassageRecord[], log: (line: string) => void): Promise<Embedder> {
  if (passages.length < 2) return EMPTY_EMBEDDER;
  // Stored passages carry tokenize(text) already: reuse it instead of running jieba again.
  const stored = new Map(passages.map((p) => [p.text, p.tokens.split(' ').filter(Boolean)]));
  const tokenizeKnown = (text: string) => stored.get(text) ?? tokenize(text);
  if (fs.existsSync(file)) {
    const saved = await CorpusEmbedder.load(file, { tokenize: tokenizeKnown });
    const drift = Math.abs(passages.length - saved.trainedOn.passages) / Math.max(1, saved.trainedOn.passages);
    if (drift <= RETRAIN_DRIFT) return saved;
    log(`Retraining the corpus embedder: ${saved.trainedOn.passages} → ${passages.length} passages`);
  }
  const embedder = CorpusEmbedder.train(
    passages.map((p) => ({ text: p.text, tokens: stored.get(p.text)! })),
    { tokenize: tokenizeKnown },
  );
  await embedder.save(file);
  return embedder;
}

async function embedPassages(embedder: Embedder, passages: PassageRecord[]): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  for (let i = 0; i < passages.length; i += EMBED_BATCH) {
    vectors.push(...(await embedder.embed(passages.slice(i, i + EMBED_BATCH).map((p) => p.text), { kind: 'passage' })));
  }
  return vectors;
}

/**
 * Brings the vector index in line with the store's passages: a missing or stale index (another
 * embedder) is rebuilt; otherwise only added passages are embedded and removed ones dropped.
 */
export async function syncVectorIndex(
  embedder: Embedder,
  passages: PassageRecord[],
  dir: string,
  log: (line: string) => void = () => {},
): Promise<VectorIndex> {
  const loaded = await VectorIndex.load(dir, embedder.id, { expectedDimension: embedder.dimension });
  let index: VectorIndex;
  let changed = false;
  if (loaded.status === 'loaded') {
    index = loaded.index;
  } else {
    log(`Building the vector index: ${loaded.reason}`);
    index = VectorIndex.create({ dimension: embedder.dimension, embedderId: embedder.id, initialCapacity: Math.max(1024, passages.length) });
    changed = true;
  }
  const wanted = new Set(passages.map((p) => p.id));
  const stale = index.ids().filter((id) => !wanted.has(id));
  if (stale.length) {
    index.remove(stale);
    changed = true;
  }
  const missing = passages.filter((p) => !index.has(p.id));
  if (missing.length) {
    index.add(missing.map((p) => p.id), await embedPassages(embedder, missing));
    changed = true;
  }
  if (changed) await index.save(dir);
  return index;
}

/** Loads everything search needs, once: passages, BM25, the embedder and the vector index. */
export async function openIndexes(store: GraphStore, config: Config, log: (line: string) => void = () => {}): Promise<SearchIndexes> {
  const files = paths(config);
  const passageList = await store.allPassages();
  const chosen = await chooseEmbedder({
    config,
    loadCorpusEmbedder: () => loadOrTrainCorpusEmbedder(files.corpusModel, passageList, log),
  });
  log(chosen.reason);
  const vectors = await syncVectorIndex(chosen.embedder, passageList, files.vectors, log);
  return {
    passages: new Map(passageList.map((p) => [p.id, p])),
    keyword: new Bm25Index(passageList.map((p) => ({ id: p.id, tokens: p.tokens.split(' ').filter(Boolean) }))),
    vectors,
    embedder: chosen.embedder,
    embedderReason: chosen.reason,
  };
}
