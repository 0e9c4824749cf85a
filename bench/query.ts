/**
 * npm run bench:query [-- --backend neo4j] [-- --embedder auto|corpus] [-- --copies 100]: p50/p95 latency of
 * the dev questions with indexes loaded (query embedding included), on corpus/ and on a synthetic corpus
 * 100× its size. With the model (auto, when models/ has it) the synthetic corpus needs --copies: embedding
 * 17 000 passages takes about half an hour on 2 cores.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../graph/config.js';
import { openStore } from '../graph/openStore.js';
import { ingestPaths } from '../ingest/pipeline/index.js';
import { AnswerEngine } from '../search/AnswerEngine.js';
import { TransformersEmbedder } from '../search/embed/TransformersEmbedder.js';
import { recordBenchmark } from './recordBenchmark.js';
import { writeSyntheticCorpus } from './syntheticCorpus.js';
import { clearNeo4j } from './clearNeo4j.js';

const arg = (name: string, fallback: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const backend = arg('--backend', 'sqlite') as 'sqlite' | 'neo4j';
const copies = Number(arg('--copies', '100'));
const rounds = Number(arg('--rounds', '5'));
const embedderSetting = arg('--embedder', 'auto');
const devQuestions: string[] = JSON.parse(fs.readFileSync('tests/eval/dev-queries.json', 'utf8')).map((q: { query: string }) => q.query);
// The tuning half of the generalization questions (never the held-out half): on corpus/ most of them
// find no graph fact, so they exercise the sentence-candidate step.
const GENERALIZATION = 'tests/eval/generalization/queries-generalization.json';
const tuningQuestions: string[] = fs.existsSync(GENERALIZATION)
  ? JSON.parse(fs.readFileSync(GENERALIZATION, 'utf8')).filter((q: { split: string }) => q.split === 'tuning').map((q: { query: string }) => q.query)
  : [];
const questions = [...devQuestions, ...tuningQuestions];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function measure(label: string, corpusDir: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-query-'));
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, GRAPH_BACKEND: backend, EMBEDDER: embedderSetting });
  const store = await openStore(config);
  if (backend === 'neo4j') await clearNeo4j(config);
  await ingestPaths([corpusDir], store, { maxFileBytes: config.maxFileBytes });
  const engine = await AnswerEngine.open(store, config);
  embedderReason = engine.embedderReason;
  for (const q of questions.slice(0, 5)) await engine.answer(q); // warm-up
  const times: number[] = [];
  const firstRound: number[] = [];
  const stepTimes: number[] = [];
  let stepTotal = 0;
  for (let round = 0; round < rounds; round++) {
    for (const q of questions) {
      const started = performance.now();
      await engine.answer(q);
      const took = performance.now() - started;
      times.push(took);
      if (round === 0) firstRound.push(took);
      // The sentence-candidate step runs only for slots the graph leaves empty.
      if (engine.lastTimings.sentenceMs > 0) stepTimes.push(engine.lastTimings.sentenceMs);
      stepTotal += engine.lastTimings.sentenceMs;
    }
  }
  const passages = (await store.stats()).passages;
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const total = times.reduce((a, b) => a + b, 0);
  times.sort((a, b) => a - b);
  firstRound.sort((a, b) => a - b);
  stepTimes.sort((a, b) => a - b);
  const result = {
    label, passages, queries: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1],
    // First round: the engine's extraction cache of passage sentences is still empty.
    p95FirstRound: percentile(firstRound, 95),
    stepQueries: stepTimes.length, stepP95: stepTimes.length ? percentile(stepTimes, 95) : 0, stepShare: total ? stepTotal / total : 0,
  };
  console.log(result);
  return result;
}

/** The query embedding alone (instruction prefix included), the model's share of every answer above. */
async function measureQueryEmbedding(): Promise<{ p50: number; p95: number; count: number }> {
  const config = loadConfig({ ...process.env, EMBEDDER: embedderSetting });
  const embedder = await TransformersEmbedder.create({ model: config.embeddingModel, modelPath: config.embeddingModelPath });
  await embedder.embed(questions.slice(0, 3), { kind: 'query' }); // warm-up
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of questions) {
      const started = performance.now();
      await embedder.embed([q], { kind: 'query' });
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), count: times.length };
}

let embedderReason = '';
const results = [await measure('corpus/', 'corpus')];
const model = /transformers/.test(embedderReason);
const queryEmbedding = model ? await measureQueryEmbedding() : undefined;
if (queryEmbedding) console.log({ queryEmbedding });
if ((!model || process.argv.includes('--copies')) && copies > 0) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-corpus-'));
  writeSyntheticCorpus('corpus', work, copies);
  results.push(await measure(`synthetic ${copies}×`, work));
  fs.rmSync(work, { recursive: true, force: true });
}
recordBenchmark(`query (${backend}${model ? ', bge-small-zh-v1.5' : ''})`, [
  `${devQuestions.length} dev questions and ${tuningQuestions.length} generalization questions (tuning half) × ${rounds} rounds after warm-up, indexes loaded, ${model ? 'bge-small-zh-v1.5 (every query embedded by the model, no query cache)' : 'corpus embedder'}, hybrid retrieval, sentence-candidate step included.`,
  'Sentence step: the typed candidates read from the top sentences when the graph has no fact for a slot; its p95 is over the answers that ran it, its share is of all answer time; the first round runs with an empty extraction cache.',
  '',
  '| corpus | passages | queries | p50 (ms) | p95 (ms) | max (ms) | p95 1st round (ms) | answers with the step | step p95 (ms) | step share |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.label} | ${r.passages} | ${r.queries} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${r.p95FirstRound.toFixed(1)} | ${r.stepQueries} | ${r.stepP95.toFixed(1)} | ${(100 * r.stepShare).toFixed(1)}% |`,
  ),
  ...(queryEmbedding
    ? ['', `Query embedding alone (bge-small-zh-v1.5, one question per call, ${queryEmbedding.count} calls): p50 ${queryEmbedding.p50.toFixed(1)} ms, p95 ${queryEmbedding.p95.toFixed(1)} ms.`]
    : []),
  `Load average when the run ended: ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min); figures on a busy machine are upper bounds.`,
]);
