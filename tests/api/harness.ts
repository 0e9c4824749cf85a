/** One store + engine per test file: corpus/ ingested into a temporary DATA_DIR with the corpus embedder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../graph/config.js';
import type { GraphStore } from '../../graph/GraphStore.js';
import { openStore } from '../../graph/openStore.js';
import { ingestPaths } from '../../ingest/pipeline/index.js';
import { AnswerEngine } from '../../search/AnswerEngine.js';
import { createApp, type App } from '../../web/server/createApp.js';

export const CORPUS = path.resolve(import.meta.dirname, '..', '..', 'corpus');

export interface Harness {
  dataDir: string;
  config: Config;
  store: GraphStore;
  engine: AnswerEngine;
  app: App;
  logs: string[];
  /** Another app over the same store and engine, e.g. with a smaller upload limit. */
  appWith(overrides: Record<string, string>): App;
  close(): Promise<void>;
}

export async function buildHarness(): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-api-'));
  const env = { DATA_DIR: dataDir, EMBEDDER: 'corpus' };
  const config = loadConfig(env);
  const store = await openStore(config);
  const outcomes = await ingestPaths([CORPUS], store, { maxFileBytes: config.maxFileBytes, baseDir: path.dirname(CORPUS) });
  const failed = outcomes.filter((o) => o.status === 'failed');
  if (failed.length) throw new Error(`corpus ingest failed: ${failed.map((o) => o.error).join('; ')}`);
  const engine = await AnswerEngine.open(store, config);
  const logs: string[] = [];
  const log = (line: string) => logs.push(line);
  const app = createApp({ store, engine, config, log });
  // The upload worker loads its dictionaries here, inside the hook's time, not inside the first upload test.
  await app.locals.queue.warm();
  return {
    dataDir,
    config,
    store,
    engine,
    app,
    logs,
    appWith: (overrides) => createApp({ store, engine, config: loadConfig({ ...env, ...overrides }), log }),
    async close() {
      await app.locals.queue.close();
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls a job until it is done or failed. */
export async function waitForJob(get: () => Promise<{ body: { status: string } }>, timeoutMs = 60_000): Promise<{ status: string; [key: string]: unknown }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await get();
    if (body.status === 'done' || body.status === 'failed') return body;
    if (Date.now() > until) throw new Error(`job still ${body.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
