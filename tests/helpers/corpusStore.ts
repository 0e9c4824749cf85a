import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../graph/config.js';
import type { GraphStore } from '../../graph/GraphStore.js';
import type { EntityRecord, EntityType } from '../../graph/model.js';
import { openStore } from '../../graph/openStore.js';
import { ingestPaths, type FileOutcome } from '../../ingest/pipeline/index.js';

export const PROJECT_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const CORPUS_DIR = path.join(PROJECT_ROOT, 'corpus');

export function tempDataDir(label = 'atlas-test'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`));
}

export interface CorpusStore {
  config: Config;
  store: GraphStore;
  outcomes: FileOutcome[];
  dispose(): Promise<void>;
}

/** A fresh embedded store in a temp folder with corpus/ ingested. */
export async function ingestCorpus(env: Record<string, string> = {}): Promise<CorpusStore> {
  const dataDir = tempDataDir();
  const config = loadConfig({ DATA_DIR: dataDir, EMBEDDER: 'corpus', ...env });
  const store = await openStore(config);
  const outcomes = await ingestPaths([CORPUS_DIR], store, { maxFileBytes: config.maxFileBytes, baseDir: PROJECT_ROOT });
  return {
    config,
    store,
    outcomes,
    async dispose() {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function entityNamed(store: GraphStore, name: string, type?: EntityType): Promise<EntityRecord> {
  const found = (await store.findEntities({ name, type })).filter((e) => !type || e.type === type);
  if (found.length !== 1) throw new Error(`expected one ${type ?? 'entity'} named ${name}, found ${found.length}`);
  return found[0];
}
