/**
 * Runs the evaluation sets against fresh embedded stores: the dev set on corpus/ alone, the
 * generalization set on corpus/ + tests/eval/generalization/docs in one store. Each run ingests into
 * a temporary DATA_DIR, opens the AnswerEngine once and asks every question in each search mode.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../graph/config.js';
import { openStore } from '../../graph/openStore.js';
import { ingestPaths } from '../../ingest/pipeline/index.js';
import { AnswerEngine } from '../../search/AnswerEngine.js';
import type { SearchMode } from '../../search/retrieve.js';
import type { Answer } from '../../search/schema.js';
import {
  CORPUS_DIR, failedQuery, failures, loadDevQueries, MODES, PASSAGE_LIMIT, PROJECT_ROOT, scoreQuery, summarize,
  type EvalItem, type Failure, type ModeSummary, type QueryResult,
} from './evaluate.js';
import {
  failedGenQuery, GENERALIZATION_DOCS_DIR, genFailures, loadGeneralizationQueries, scoreGenQuery, summarizeGeneralization,
  type GenEvalItem, type GenFailure, type GenQueryResult, type GenSummary,
} from './generalization.js';

export interface EvalReport {
  embedder: string;
  documents: number;
  ingestFailures: string[];
  seconds: { ingest: number; open: number; queries: number };
  summaries: ModeSummary[];
  results: Record<string, QueryResult[]>;
  failures: Failure[];
}

export interface GeneralizationReport {
  embedder: string;
  documents: number;
  ingestFailures: string[];
  seconds: { ingest: number; open: number; queries: number };
  summaries: GenSummary[];
  results: Record<string, GenQueryResult[]>;
  failures: GenFailure[];
}

export interface RunOptions {
  modes?: readonly SearchMode[];
  items?: EvalItem[];
  /** Defaults to $EMBEDDER, else 'corpus'. */
  embedder?: string;
  /** Keep the temporary DATA_DIR (printed in the log) instead of deleting it. */
  keepDataDir?: boolean;
  /** Weight of the vector ranking in hybrid fusion (default: the engine's). */
  vectorWeight?: number;
  /** Thesaurus expansion of keyword queries (default on). */
  expand?: boolean;
  log?: (line: string) => void;
}

interface Ask<Item, Result> {
  score: (item: Item, answer: Answer) => Result;
  fail: (item: Item, error: unknown) => Result;
}

interface Run<Result> {
  embedder: string;
  documents: number;
  ingestFailures: string[];
  seconds: { ingest: number; open: number; queries: number };
  perMode: Map<SearchMode, Result[]>;
}

/** Ingest `inputs` into a fresh store, open the engine once, ask every item in every mode. */
async function runSet<Item extends { query: string }, Result>(
  inputs: string[], items: Item[], ask: Ask<Item, Result>, options: Omit<RunOptions, 'items'>,
): Promise<Run<Result>> {
  const modes = options.modes ?? MODES;
  const log = options.log ?? (() => {});
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'practice-atlas-eval-'));
  // Always the embedded store in a fresh directory: the evaluation never touches a shared graph.
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    GRAPH_BACKEND: 'sqlite',
    EMBEDDER: options.embedder ?? (process.env.EMBEDDER || 'corpus'),
  });
  const store = await openStore(config);
  const clock = () => performance.now() / 1000;
  try {
    let t = clock();
    log(`Ingesting ${inputs.map((i) => path.relative(PROJECT_ROOT, i)).join(' + ')} into ${dataDir}`);
    const outcomes = await ingestPaths(inputs, store, { maxFileBytes: config.maxFileBytes, baseDir: PROJECT_ROOT });
    const ingestFailures = outcomes.filter((o) => o.status === 'failed').map((o) => `${o.file}: ${o.error ?? 'failed'}`);
    const documents = outcomes.filter((o) => o.status !== 'failed').length;
    if (documents === 0) throw new Error(`ingest stored no documents: ${ingestFailures.join('; ')}`);
    const ingestSeconds = clock() - t;

    t = clock();
    const engine = await AnswerEngine.open(store, config, log);
    const openSeconds = clock() - t;

    t = clock();
    const perMode = new Map<SearchMode, Result[]>();
    for (const mode of modes) {
      const results: Result[] = [];
      for (const item of items) {
        try {
          const answer = await engine.answer(item.query, { mode, passageLimit: PASSAGE_LIMIT, vectorWeight: options.vectorWeight, expand: options.expand });
          results.push(ask.score(item, answer));
        } catch (error) {
          results.push(ask.fail(item, error));
        }
      }
      perMode.set(mode, results);
    }
    return {
      embedder: engine.embedderReason,
      documents,
      ingestFailures,
      seconds: { ingest: ingestSeconds, open: openSeconds, queries: clock() - t },
      perMode,
    };
  } finally {
    await store.close();
    if (options.keepDataDir) log(`Kept ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The dev set (tests/eval/dev-queries.json) on corpus/ alone. */
export async function runEvaluation(options: RunOptions = {}): Promise<EvalReport> {
  const items = options.items ?? loadDevQueries();
  const run = await runSet([CORPUS_DIR], items, { score: scoreQuery, fail: failedQuery }, options);
  return {
    embedder: run.embedder,
    documents: run.documents,
    ingestFailures: run.ingestFailures,
    seconds: run.seconds,
    summaries: [...run.perMode].map(([mode, results]) => summarize(mode, results)),
    results: Object.fromEntries(run.perMode),
    failures: failures(items, run.perMode),
  };
}

export interface GeneralizationOptions extends Omit<RunOptions, 'items'> {
  items?: GenEvalItem[];
}

/** The generalization set (queries-generalization.json) on corpus/ + the generalization documents, in one store. */
export async function runGeneralization(options: GeneralizationOptions = {}): Promise<GeneralizationReport> {
  const items = options.items ?? loadGeneralizationQueries();
  const run = await runSet([CORPUS_DIR, GENERALIZATION_DOCS_DIR], items, { score: scoreGenQuery, fail: failedGenQuery }, options);
  return {
    embedder: run.embedder,
    documents: run.documents,
    ingestFailures: run.ingestFailures,
    seconds: run.seconds,
    summaries: [...run.perMode].map(([mode, results]) => summarizeGeneralization(mode, results)),
    results: Object.fromEntries(run.perMode),
    failures: genFailures(items, run.perMode),
  };
}
