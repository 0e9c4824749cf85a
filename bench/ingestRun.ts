/**
 * One measured ingest in its own process, so peak RSS is this run's alone. Prints one JSON line:
 * graphSeconds = stored, i.e. searchable by keyword and graph; vectorSeconds = every passage has a vector
 * (computed after the graph, as the server does in the background; model load included).
 */
import { loadConfig } from '../graph/config.js';
import { openStore } from '../graph/openStore.js';
import { ingestPaths } from '../ingest/pipeline/index.js';
import { openIndexes } from '../search/indexes/openIndexes.js';
import { clearNeo4j } from './clearNeo4j.js';
import { segment } from '../text/segment/segmenter.js';

const [corpusDir, backend] = process.argv.slice(2);
const config = loadConfig();
const store = await openStore(config, (backend as 'sqlite' | 'neo4j') ?? config.graphBackend);
if (backend === 'neo4j') await clearNeo4j(config);
const started = performance.now();
// The jieba dictionary load happens on first use inside the ingest; done first here so its share is known.
segment('网格');
const dictionarySeconds = (performance.now() - started) / 1000;
const outcomes = await ingestPaths([corpusDir], store, { maxFileBytes: config.maxFileBytes });
const graphSeconds = (performance.now() - started) / 1000;
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 200);
const indexes = await openIndexes(store, config, () => {}, { waitForVectors: false });
await indexes.vectorsReady();
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
const vectors = indexes.vectorStatus();
await indexes.close();
const stats = await store.stats();
await store.close();
console.log(JSON.stringify({
  seconds,
  graphSeconds,
  dictionarySeconds,
  vectorSeconds: seconds,
  embedder: vectors.embedderId,
  embedPerSecond: vectors.passagesPerSecond ?? null,
  vectors: vectors.embedded,
  maxRssMB: Math.round(Math.max(process.resourceUsage().maxRSS / 1024, peakRss / 2 ** 20)),
  files: outcomes.length,
  failed: outcomes.filter((o) => o.status === 'failed').length,
  passages: stats.passages,
  entities: Object.values(stats.entities).reduce((a, b) => a + b, 0),
}));
