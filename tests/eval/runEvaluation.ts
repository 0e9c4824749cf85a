/** Runs the dev set against a fresh embedded store: ingest corpus/, open the engine once, score every mode. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../graph/config.js';
import { openStore } from '../../graph/openStore.js';
import { ingestPaths } from '../../ingest/pipeline/index.js';
import { AnswerEngine } from '../../search/AnswerEngine.js';
import type { SearchMode } from '../../search/retrieve.js';
import {
  CORPUS_DIR, failedQuery, failures, loadDevQueries, MODES, PASSAGE_LIMIT, PROJECT_ROOT, scoreQuery, summarize,
  type EvalItem, type Failure, type ModeSummary, type QueryResult,
} from './evaluate.js';

export interface EvalReport {
  embedder: string;
  documents: number;
  ingestFailures: string[];
  seconds: { ingest: number; open: number; queries: number };
  summaries: ModeSummary[];
  results: Record<string, QueryResult[]>;
  failures: Failure[];
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

export async function runEvaluation(options: RunOptions = {}): Promise<EvalReport> {
  const modes = options.modes ?? MODES;
  const items = options.items ?? loadDevQueries();
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
    log(`Ingesting ${CORPUS_DIR} into ${dataDir}`);
    const outcomes = await ingestPaths([CORPUS_DIR], store, { maxFileBytes: config.maxFileBytes, baseDir: PROJECT_ROOT });
    const ingestFailures = outcomes.filter((o) => o.status === 'failed').map((o) => `${o.file}: ${o.error ?? 'failed'}`);
    const documents = outcomes.filter((o) => o.status !== 'failed').length;
    if (documents === 0) throw new Error(`ingest stored no documents: ${ingestFailures.join('; ')}`);
    const ingestSeconds = clock() - t;

    t = clock();
    const engine = await AnswerEngine.open(store, config, log);
    const openSeconds = clock() - t;

    t = clock();
    const perMode = new Map<SearchMode, QueryResult[]>();
    for (const mode of modes) {
      const results: QueryResult[] = [];
      for (const item of items) {
        try {
          results.push(scoreQuery(item, await engine.answer(item.query, { mode, passageLimit: PASSAGE_LIMIT, vectorWeight: options.vectorWeight, expand: options.expand })));
        } catch (error) {
          results.push(failedQuery(item, error));
        }
      }
      perMode.set(mode, results);
    }
    return {
      embedder: engine.embedderReason,
      documents,
      ingestFailures,
      seconds: { ingest: ingestSeconds, open: openSeconds, queries: clock() - t },
      summaries: [...perMode].map(([mode, results]) => summarize(mode, results)),
      results: Object.fromEntries(perMode),
      failures: failures(items, perMode),
    };
  } finally {
    await store.close();
    if (options.keepDataDir) log(`Kept ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
