import fs from 'node:fs';
import { writeSyntheticCorpus } from '/work/main/bench/syntheticCorpus.js';
import { loadConfig } from '/work/main/graph/config.js';
import { openStore } from '/work/main/graph/openStore.js';
import { ingestPaths } from '/work/main/ingest/pipeline/index.js';
import { AnswerEngine } from '/work/main/search/AnswerEngine.js';
const fresh = !fs.existsSync('/tmp/q30');
if (fresh) writeSyntheticCorpus('corpus', '/tmp/q30c', 30);
const config = loadConfig({ DATA_DIR: '/tmp/q30', EMBEDDER: 'corpus' });
const store = await openStore(config);
if (fresh) await ingestPaths(['/tmp/q30c'], store, { maxFileBytes: 1e8 });
const engine = await AnswerEngine.open(store, config);
const qs: { query: string }[] = JSON.parse(fs.readFileSync('tests/eval/dev-queries.json', 'utf8'));
const times: [number, string, string][] = [];
for (const { query } of qs) { const t = performance.now(); const a = await engine.answer(query); times.push([performance.now() - t, query, a.intent]); }
times.sort((a, b) => b[0] - a[0]);
for (const t of times.slice(0, 12)) console.log(t[0].toFixed(0), t[2], t[1]);
