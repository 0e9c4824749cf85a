/** One measured ingest in its own process, so peak RSS is this run's alone. Prints one JSON line. */
import { loadConfig } from '../graph/config.js';
import { openStore } from '../graph/openStore.js';
import { ingestPaths } from '../ingest/pipeline/index.js';

const [corpusDir, backend] = process.argv.slice(2);
const config = loadConfig();
const store = await openStore(config, (backend as 'sqlite' | 'neo4j') ?? config.graphBackend);
const started = performance.now();
const outcomes = await ingestPaths([corpusDir], store, { maxFileBytes: config.maxFileBytes });
const seconds = (performance.now() - started) / 1000;
const stats = await store.stats();
await store.close();
console.log(JSON.stringify({
  seconds,
  maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  files: outcomes.length,
  failed: outcomes.filter((o) => o.status === 'failed').length,
  passages: stats.passages,
  entities: Object.values(stats.entities).reduce((a, b) => a + b, 0),
}));
