/** One measured ingest in its own process, so peak RSS is this run's alone. Prints one JSON line. */
import { loadConfig } from '../graph/config.js';
import { openStore } from '../graph/openStore.js';
import { ingestPaths } from '../ingest/pipeline/index.js';
import { openIndexes } from '../search/indexes/openIndexes.js';
import { clearNeo4j } from './clearNeo4j.js';

const [corpusDir, backend] = process.argv.slice(2);
const config = loadConfig();
const store = await openStore(config, (backend as 'sqlite' | 'neo4j') ?? config.graphBackend);
if (backend === 'neo4j') await clearNeo4j(config);
const started = performance.now();
const outcomes = await ingestPaths([corpusDir], store, { maxFileBytes: config.maxFileBytes });
const graphSeconds = (performance.now() - started) / 1000;
await openIndexes(store, config);
const seconds = (performance.now() - started) / 1000;
const stats = await store.stats();
await store.close();
console.log(JSON.stringify({
  seconds,
  graphSeconds,
  maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  files: outcomes.length,
  failed: outcomes.filter((o) => o.status === 'failed').length,
  passages: stats.passages,
  entities: Object.values(stats.entities).reduce((a, b) => a + b, 0),
}));
