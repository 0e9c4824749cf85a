import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../graph/config.js';
import type { GraphStore } from '../../graph/GraphStore.js';
import type { PassageRecord } from '../../graph/model.js';
import { tokenize } from '../../text/segment/index.js';
import { CorpusEmbedder } from '../embed/CorpusEmbedder.js';
import type { Embedder } from '../embed/Embedder.js';
import { chooseEmbedder } from '../embed/chooseEmbedder.js';
import { TransformersEmbedder } from '../embed/TransformersEmbedder.js';
import { WorkerEmbedder } from '../embed/WorkerEmbedder.js';
import { isAppError } from '../../graph/errors.js';
import { Bm25Index } from '../keyword/Bm25Index.js';
import { VectorCache } from '../vector/VectorCache.js';
import { VectorIndex } from '../vector/VectorIndex.js';
import { VectorSync, type VectorStatus } from './VectorSync.js';
import { EmbeddedSearchIndex } from '../searchIndex/EmbeddedSearchIndex.js';
import type { SearchIndex } from '../searchIndex/SearchIndex.js';
import { Neo4jSearchIndex } from '../neo4j/Neo4jSearchIndex.js';
import { Neo4jVectorStore } from '../neo4j/Neo4jVectorStore.js';
import { neo4jPassageIndexOf } from '../neo4j/neo4jPassageIndexOf.js';

export interface SearchIndexes {
  passages: Map<string, PassageRecord>;
  keyword: Bm25Index;
  /** Keyword and vector search: in-process (embedded store) or in Neo4j (neo4j backend, shared by every server). */
  search: SearchIndex;
  /** Grows in the background after open or refresh until vectorStatus() is 'ready'. */
  vectors: VectorIndex;
  embedder: Embedder;
  /** Which embedder is active and why, for logs and the UI. */
  embedderReason: string;
  /**
   * Re-reads the store's passages (after an ingest or delete, by this process or another): the keyword
   * index is rebuilt before it returns; vectors for new passages follow in the background (or before it
   * returns when opened with waitForVectors).
   */
  refresh(): Promise<void>;
  /** Progress of the vector index towards the store's passages. */
  vectorStatus(): VectorStatus;
  /** Resolves when every passage has a vector and the index is saved; rejects when embedding failed. */
  vectorsReady(): Promise<void>;
  /** Waits for background work and closes the vector cache. */
  close(): Promise<void>;
}

export interface OpenIndexesOptions {
  /** Wait for every vector before open and refresh return (CLI, eval, tests). Default true; the server passes false. */
  readonly waitForVectors?: boolean;
  /**
   * Embed passages with the model in a worker thread, so requests are not held up by the batches.
   * Default: when not waiting for vectors (the server).
   */
  readonly embedInWorker?: boolean;
  readonly onVectorProgress?: (status: VectorStatus) => void;
}

function paths(config: Config) {
  return {
    corpusModel: path.join(config.dataDir, 'embedder', 'corpus-model.bin'),
    vectors: path.join(config.dataDir, 'vectors'),
    cache: path.join(config.dataDir, 'vectors', 'cache.sqlite'),
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

/** The saved index when it was built by this embedder, else a new empty one (a stale or corrupt file is replaced on the next save). */
async function loadOrCreateIndex(embedder: Embedder, dir: string, expected: number, log: (line: string) => void): Promise<VectorIndex> {
  try {
    const loaded = await VectorIndex.load(dir, embedder.id, { expectedDimension: embedder.dimension });
    if (loaded.status === 'loaded') return loaded.index;
    log(`Building the vector index: ${loaded.reason}`);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'INDEX_INVALID') throw error;
    log(`Rebuilding the vector index: ${error.message}`);
  }
  return VectorIndex.create({ dimension: embedder.dimension, embedderId: embedder.id, initialCapacity: Math.max(1024, expected) });
}

/**
 * Brings the vector index in line with the store's passages and waits for it: a missing, stale (another
 * embedder) or corrupt index is rebuilt; otherwise only added passages are embedded and removed ones dropped.
 */
export async function syncVectorIndex(
  embedder: Embedder,
  passages: PassageRecord[],
  dir: string,
  log: (line: string) => void = () => {},
  cache?: VectorCache,
): Promise<VectorIndex> {
  const sync = new VectorSync({ index: await loadOrCreateIndex(embedder, dir, passages.length, log), embedder, dir, cache, log });
  await sync.reconcile(passages);
  return sync.index;
}

/**
 * Loads everything search needs, once: passages, BM25, the embedder and the vector index. The vector index
 * is checked against the store at every open and refresh; what is missing is embedded (cache first).
 */
export async function openIndexes(
  store: GraphStore,
  config: Config,
  log: (line: string) => void = () => {},
  options: OpenIndexesOptions = {},
): Promise<SearchIndexes> {
  const files = paths(config);
  const wait = options.waitForVectors ?? true;
  let passageList = await store.allPassages();
  const chosen = await chooseEmbedder({
    config,
    loadCorpusEmbedder: () => loadOrTrainCorpusEmbedder(files.corpusModel, passageList, log),
  });
  log(chosen.reason);
  // Model vectors cost tens of milliseconds each and are worth keeping; corpus-embedder ones are not.
  const cache = chosen.kind === 'transformers' ? VectorCache.open(files.cache) : undefined;

  const worker = (options.embedInWorker ?? !wait) && chosen.embedder instanceof TransformersEmbedder ? new WorkerEmbedder(chosen.embedder) : undefined;
  // Neo4j backend: passage vectors live in the database's vector index, keyword search in its full-text indexes.
  const neo4j = neo4jPassageIndexOf(store);
  let neo4jVectors: Neo4jVectorStore | undefined;
  const openVectors = async (embedder: Embedder): Promise<VectorIndex> => {
    if (!neo4j) return loadOrCreateIndex(embedder, files.vectors, passageList.length, log);
    neo4jVectors = await Neo4jVectorStore.open(neo4j, embedder);
    return neo4jVectors as unknown as VectorIndex; // VectorSync drives only has/ids/add/remove/save, which it has
  };
  const startSync = async (embedder: Embedder): Promise<VectorSync> =>
    new VectorSync({
      index: await openVectors(embedder),
      embedder: worker && embedder === chosen.embedder ? worker : embedder,
      dir: files.vectors,
      cache,
      log,
      onProgress: options.onVectorProgress,
    });
  let sync = await startSync(chosen.embedder);
  let ready: Promise<void> = Promise.resolve();
  const reconcile = async () => {
    ready = sync.reconcile(passageList);
    ready.catch(() => undefined); // in the background a failure shows in vectorStatus()
    if (wait) await ready;
  };

  const indexes: SearchIndexes = {
    passages: new Map(),
    keyword: new Bm25Index([]),
    search: neo4j ? new Neo4jSearchIndex(neo4j, () => sync.embedder.id) : new EmbeddedSearchIndex(() => indexes.keyword, () => sync.index),
    vectors: sync.index,
    embedder: chosen.embedder,
    embedderReason: chosen.reason,
    async refresh() {
      passageList = await store.allPassages();
      setPassages();
      await neo4jVectors?.reload(); // another server may have embedded the new passages already
      if (chosen.kind === 'corpus') {
        const embedder = await loadOrTrainCorpusEmbedder(files.corpusModel, passageList, log);
        if (embedder.id !== sync.embedder.id) {
          await sync.idle();
          sync = await startSync(embedder);
          Object.assign(indexes, { embedder, vectors: sync.index });
        }
      }
      await reconcile();
    },
    vectorStatus: () => sync.status(),
    vectorsReady: async () => {
      await ready;
      await sync.idle();
    },
    async close() {
      await sync.idle();
      await worker?.close();
      cache?.close();
    },
  };
  const setPassages = () => {
    indexes.passages = new Map(passageList.map((p) => [p.id, p]));
    indexes.keyword = new Bm25Index(neo4j ? [] : passageList.map((p) => ({ id: p.id, tokens: p.tokens.split(' ').filter(Boolean) })));
  };
  setPassages();
  await reconcile();
  return indexes;
}
