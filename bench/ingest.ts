/**
 * npm run bench:ingest [-- --backend neo4j]: wall time and peak memory for corpus/ and a
 * synthetic corpus 100× its size. Results are appended to BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recordBenchmark } from './recordBenchmark.js';
import { writeSyntheticCorpus } from './syntheticCorpus.js';

const arg = (name: string, fallback: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const backend = arg('--backend', 'sqlite');
const copies = Number(arg('--copies', '100'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-'));
const synthetic = path.join(work, 'corpus-x');
writeSyntheticCorpus('corpus', synthetic, copies);

function run(label: string, dir: string) {
  const dataDir = path.join(work, `data-${label}`);
  const output = execFileSync('npx', ['tsx', 'bench/ingestRun.ts', dir, backend], {
    env: { ...process.env, DATA_DIR: dataDir, GRAPH_BACKEND: backend },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const result = JSON.parse(output.trim().split('\n').pop()!);
  console.log(label, result);
  return result;
}

if (backend === 'neo4j' && !process.env.NEO4J_URI) throw new Error('--backend neo4j needs NEO4J_URI');
// corpus/ is small enough for start-up noise to matter: report the median of three runs.
const seedRuns = [1, 2, 3].map((i) => run(`corpus-${i}`, 'corpus')).sort((a, b) => a.seconds - b.seconds);
const seed = seedRuns[1];
const large = run(`x${copies}`, synthetic);
fs.rmSync(work, { recursive: true, force: true });

recordBenchmark(`ingest (${backend})`, [
  'Wall time of one ingest process from a fresh data directory: read, clean, segment, extract, store (graph), then train the corpus embedder and build the HNSW index (total). The jieba dictionary load (about 1 s) is included; Node and tsx start-up are not.',
  '',
  '| corpus | files | passages | entities | graph (s) | total (s) | peak RSS (MB) |',
  '|---|---|---|---|---|---|---|',
  `| corpus/ (median of 3) | ${seed.files} | ${seed.passages} | ${seed.entities} | ${seed.graphSeconds.toFixed(2)} | ${seed.seconds.toFixed(2)} | ${seed.maxRssMB} |`,
  `| synthetic ${copies}× | ${large.files} | ${large.passages} | ${large.entities} | ${large.graphSeconds.toFixed(1)} | ${large.seconds.toFixed(1)} | ${large.maxRssMB} |`,
]);
