/**
 * npm run bench:roundtrips [-- --backend neo4j] [-- --corpus dir]: how many times one question goes to
 * the graph store. Per dev question: GraphStore method calls (the answer path's reads, the same on
 * both backends) and, on Neo4j, the Cypher statements actually sent (store and search index together,
 * each a Bolt round trip). Also with a region filter, whose passage set comes from mentions.
 * Corpus embedder: the count does not depend on the embedder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../graph/config.js';
import type { GraphStore } from '../graph/GraphStore.js';
import type { EntityRecord } from '../graph/model.js';
import { openStore } from '../graph/openStore.js';
import { ingestPaths } from '../ingest/pipeline/index.js';
import { AnswerEngine, type AnswerOptions } from '../search/AnswerEngine.js';
import { clearNeo4j } from './clearNeo4j.js';

const arg = (name: string, fallback: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const backend = arg('--backend', 'sqlite') as 'sqlite' | 'neo4j';
const corpusDir = arg('--corpus', 'corpus');
const questions: string[] = JSON.parse(fs.readFileSync('tests/eval/dev-queries.json', 'utf8')).map((q: { query: string }) => q.query);

let storeCalls = 0;
let cypher = 0;
const byMethod = new Map<string, number>();

/** Counts every method call on the store (close aside). */
function counted(store: GraphStore): GraphStore {
  return new Proxy(store, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function' || prop === 'close') return value;
      return (...args: unknown[]) => {
        storeCalls++;
        byMethod.set(String(prop), (byMethod.get(String(prop)) ?? 0) + 1);
        return value.apply(target, args);
      };
    },
  });
}

/** Counts Cypher statements: every read and write of the store and its search index runs in a managed transaction. */
async function countCypher(): Promise<void> {
  const { default: neo4j } = await import('neo4j-driver');
  const proto = neo4j.ManagedTransaction.prototype as unknown as { run: (...args: unknown[]) => unknown };
  const run = proto.run;
  proto.run = function (this: unknown, ...args: unknown[]) {
    cypher++;
    return run.apply(this, args);
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function perQuestion(engine: AnswerEngine, options: AnswerOptions) {
  const calls: number[] = [];
  const statements: number[] = [];
  byMethod.clear();
  for (const q of questions) {
    storeCalls = 0;
    cypher = 0;
    await engine.answer(q, options);
    calls.push(storeCalls);
    statements.push(cypher);
  }
  const summary = (v: number[]) => ({ mean: +(v.reduce((a, b) => a + b, 0) / v.length).toFixed(2), p50: percentile(v, 50), p95: percentile(v, 95), max: Math.max(...v) });
  return {
    storeCalls: summary(calls),
    ...(backend === 'neo4j' ? { cypherStatements: summary(statements) } : {}),
    byMethod: Object.fromEntries([...byMethod].sort((a, b) => b[1] - a[1])),
    worst: questions.map((q, i) => ({ q, calls: calls[i] })).sort((a, b) => b.calls - a.calls).slice(0, 5),
  };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-roundtrips-'));
const config = loadConfig({ ...process.env, DATA_DIR: dataDir, GRAPH_BACKEND: backend, EMBEDDER: 'corpus' });
if (backend === 'neo4j') await countCypher();
const store = await openStore(config);
try {
  if (backend === 'neo4j') await clearNeo4j(config);
  await ingestPaths([corpusDir], store, { maxFileBytes: config.maxFileBytes });
  const engine = await AnswerEngine.open(counted(store), config);
  for (const q of questions) await engine.answer(q); // document texts and article contexts cached, as in a running server
  // The prefecture with the most places inside it: a filter as the UI sets it.
  let region: EntityRecord | undefined;
  let most = 0;
  for (const candidate of await store.findEntities({ type: 'region', level: 'prefecture', limit: 20 })) {
    const inside = (await store.reachable([candidate.id], { types: ['LOCATED_IN'], direction: 'in' })).entities.length;
    if (inside > most) [region, most] = [candidate, inside];
  }
  const report = {
    backend,
    corpus: corpusDir,
    questions: questions.length,
    unfiltered: await perQuestion(engine, {}),
    ...(region ? { [`filter regionId ${region.name}`]: await perQuestion(engine, { filters: { regionId: region.id } }) } : {}),
  };
  console.log(JSON.stringify(report, null, 2));
} finally {
  if (backend === 'neo4j') await clearNeo4j(config);
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
