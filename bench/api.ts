/**
 * npm run bench:api [-- --backend neo4j] [-- --servers 2]: sustained search throughput and p95/p99 latency
 * with 20 concurrent clients for 20 s on loopback (autocannon), against the real app on an ingested corpus/.
 * --servers N runs N apps (each its own store connection, engine and port) over one store, the clients
 * split evenly between them, as behind a load balancer.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../graph/config.js';
import type { GraphStore } from '../graph/GraphStore.js';
import { openStore } from '../graph/openStore.js';
import { clearNeo4j } from './clearNeo4j.js';
import { ingestPaths } from '../ingest/pipeline/index.js';
import { AnswerEngine } from '../search/AnswerEngine.js';
import { createApp } from '../web/server/createApp.js';
import { recordBenchmark } from './recordBenchmark.js';

const arg = (name: string, fallback: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const connections = Number(arg('--connections', '20'));
const duration = Number(arg('--duration', '20'));
const backend = arg('--backend', 'sqlite') as 'sqlite' | 'neo4j';
const serverCount = Math.max(1, Number(arg('--servers', '1')));
const questions: string[] = JSON.parse(fs.readFileSync('tests/eval/dev-queries.json', 'utf8')).map((q: { query: string }) => q.query);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-api-'));
// The limiter stays in the chain, raised above what 20 clients can send, so the benchmark measures the search path itself.
const config = loadConfig({ ...process.env, DATA_DIR: dataDir, GRAPH_BACKEND: backend, EMBEDDER: 'corpus', SEARCH_RATE_PER_MIN: '10000000' });
const store = await openStore(config);
if (backend === 'neo4j') await clearNeo4j(config);
await ingestPaths(['corpus'], store, { maxFileBytes: config.maxFileBytes });
const stores: GraphStore[] = [store];
const servers = [];
for (let i = 0; i < serverCount; i++) {
  // Each server has its own connection (Neo4j driver or SQLite handle) and engine, as separate processes would.
  const own = i === 0 ? store : await openStore(config);
  if (i > 0) stores.push(own);
  const engine = await AnswerEngine.open(own, config);
  const server = createApp({ store: own, engine, config, log: () => {} }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  servers.push(server);
}

const results = await Promise.all(servers.map((server, i) => autocannon({
  url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  connections: Math.floor(connections / serverCount) + (i < connections % serverCount ? 1 : 0),
  duration,
  requests: questions.map((q) => ({ method: 'GET', path: `/api/search?q=${encodeURIComponent(q)}` })),
})));
for (const server of servers) server.close();
for (const s of stores) await s.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const sum = (pick: (r: autocannon.Result) => number) => results.reduce((total, r) => total + pick(r), 0);
const worst = (pick: (r: autocannon.Result) => number) => Math.max(...results.map(pick));
const errors = sum((r) => r.errors + r.timeouts + r.non2xx);
const row = {
  requests: sum((r) => r.requests.total), rps: sum((r) => r.requests.average),
  p50: worst((r) => r.latency.p50), p97_5: worst((r) => r.latency.p97_5), p99: worst((r) => r.latency.p99), max: worst((r) => r.latency.max),
};
console.log({ backend, servers: serverCount, ...row, errors });
recordBenchmark(`api search (${backend}${serverCount > 1 ? `, ${serverCount} servers` : ''})`, [
  `autocannon, ${connections} concurrent clients for ${duration} s on 127.0.0.1, GET /api/search cycling through the ${questions.length} dev questions; corpus/ ingested, corpus embedder${serverCount > 1 ? `; ${serverCount} app servers in one process over one store, the clients split between them (latencies: the worst server's)` : ''}.`,
  '',
  '| requests | req/s (mean) | p50 (ms) | p97.5 (ms) | p99 (ms) | max (ms) | errors / non-2xx / timeouts |',
  '|---|---|---|---|---|---|---|',
  `| ${row.requests} | ${row.rps.toFixed(0)} | ${row.p50} | ${row.p97_5} | ${row.p99} | ${row.max} | ${sum((r) => r.errors)} / ${sum((r) => r.non2xx)} / ${sum((r) => r.timeouts)} |`,
  '',
  'autocannon reports p97.5 rather than p95; p95 ≤ p97.5.',
]);
if (errors > 0) process.exitCode = 1;
