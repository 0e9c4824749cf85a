/**
 * npm run bench:ingest [-- --backend neo4j] [-- --embedder auto|corpus] [-- --copies 100]: wall time and
 * peak memory for corpus/ and a synthetic corpus 100× its size: until searchable by keyword and graph,
 * and until every passage has a vector. Results are written to BENCHMARKS.md, one section per embedder.
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
// auto = the local model (models/, npm run models) when present, else the corpus embedder.
const embedder = arg('--embedder', 'auto');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-'));
const synthetic = path.join(work, 'corpus-x');
writeSyntheticCorpus('corpus', synthetic, copies);

function run(label: string, dir: string) {
  const dataDir = path.join(work, `data-${label}`);
  const output = execFileSync('npx', ['tsx', 'bench/ingestRun.ts', dir, backend], {
    env: { ...process.env, DATA_DIR: dataDir, GRAPH_BACKEND: backend, EMBEDDER: embedder },
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
// --copies 0: corpus/ only (the model embeds 17 000 passages of the 100× corpus in about half an hour).
const large = copies > 0 ? run(`x${copies}`, synthetic) : undefined;
fs.rmSync(work, { recursive: true, force: true });

const model = seed.embedder.startsWith('transformers');
const rate = (r: { embedPerSecond: number | null }) => (r.embedPerSecond === null ? '–' : r.embedPerSecond.toFixed(1));
recordBenchmark(`ingest (${backend}${model ? ', bge-small-zh-v1.5' : ''})`, [
  `Wall time of one ingest process from a fresh data directory: read, clean, segment, extract, store (graph: from then on searchable by keyword and graph), then ${model ? 'load the model and embed every passage (vector cache empty)' : 'train the corpus embedder and embed every passage'} into the HNSW index (vector-searchable). Embedder \`${seed.embedder}\`; embed rate = passages per second through the embedder. The jieba dictionary load is included (its own column; patches/ makes nodejieba build its dictionary trie once instead of twice, see README); Node and tsx start-up are not.`,
  '',
  '| corpus | files | passages | entities | jieba load (s) | keyword-searchable (s) | vector-searchable (s) | embed (passages/s) | peak RSS (MB) |',
  '|---|---|---|---|---|---|---|---|---|',
  `| corpus/ (median of 3) | ${seed.files} | ${seed.passages} | ${seed.entities} | ${seed.dictionarySeconds.toFixed(2)} | ${seed.graphSeconds.toFixed(2)} | ${seed.seconds.toFixed(2)} | ${rate(seed)} | ${seed.maxRssMB} |`,
  ...(large
    ? [`| synthetic ${copies}× | ${large.files} | ${large.passages} | ${large.entities} | ${large.dictionarySeconds.toFixed(2)} | ${large.graphSeconds.toFixed(1)} | ${large.seconds.toFixed(1)} | ${rate(large)} | ${large.maxRssMB} |`]
    : []),
  '',
  `Load average when the run ended: ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min); figures on a busy machine are upper bounds.`,
]);
