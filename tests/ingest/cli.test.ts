import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../bench/syntheticCorpus.js';
import { loadConfig } from '../../graph/config.js';
import { openStore } from '../../graph/openStore.js';
import { buildDocumentGraph } from '../../ingest/pipeline/index.js';
import { CORPUS_DIR, PROJECT_ROOT, tempDataDir } from '../helpers/corpusStore.js';

const run = promisify(execFile);
const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const dirs: string[] = [];
const temp = (label: string) => {
  const dir = tempDataDir(label);
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('ingest command', () => {
  it('exits non-zero and names the bad file in one line, after ingesting the good one', async () => {
    const input = temp('atlas-cli-in');
    fs.writeFileSync(path.join(input, 'empty.txt'), '');
    fs.copyFileSync(path.join(CORPUS_DIR, '002_0815d26faf1ad906.txt'), path.join(input, 'good.txt'));
    const result = await run(TSX, ['scripts/ingest.ts', path.join(input, 'empty.txt'), path.join(input, 'good.txt')], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATA_DIR: temp('atlas-cli-data'), EMBEDDER: 'corpus' },
    }).then(
      () => ({ code: 0, stdout: '', stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    const errors = result.stderr.split('\n').filter((l) => l.startsWith('error:'));
    expect(errors, result.stderr).toEqual([expect.stringMatching(/empty\.txt: file is empty/i)]);
    expect(result.stdout).toMatch(/inserted 1, replaced 0, unchanged 0, failed 1/);
    expect(result.stdout).toMatch(/Entities: .*mechanism \d+/);
  });

  it('a bad setting fails at start with the variable named', async () => {
    const failure = await run(TSX, ['scripts/ingest.ts'], { cwd: PROJECT_ROOT, env: { ...process.env, MAX_FILE_MB: 'lots' } }).catch((e) => e);
    expect(failure.code).toBe(2);
    expect(failure.stderr).toMatch(/MAX_FILE_MB/);
  });

  it('a kill in the middle of ingest never leaves a half-written document, and ingest resumes', async () => {
    const corpus = temp('atlas-kill-corpus');
    const dataDir = temp('atlas-kill-data');
    writeSyntheticCorpus(CORPUS_DIR, corpus, 8);
    // node --import tsx runs the ingest in this one process, so SIGKILL really stops it (the tsx binary forks).
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', corpus], { cwd: PROJECT_ROOT, env: { ...process.env, DATA_DIR: dataDir, EMBEDDER: 'corpus' } });
    const dbFile = path.join(dataDir, 'graph.sqlite');
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (!fs.existsSync(dbFile)) return;
        let n = 0;
        try {
          const db = new Database(dbFile, { readonly: true, fileMustExist: true });
          n = (db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
          db.close();
        } catch {
          return; // the schema is still being created
        }
        if (n >= 3) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
      }, 20);
      child.on('exit', () => {
        clearInterval(timer);
        reject(new Error('ingest finished before it could be killed'));
      });
    });
    await new Promise((resolve) => child.on('exit', resolve));

    const config = loadConfig({ DATA_DIR: dataDir });
    const store = await openStore(config);
    const documents = await store.listDocuments();
    expect(documents.length).toBeGreaterThanOrEqual(3);
    expect(documents.length).toBeLessThan(40);
    for (const summary of documents) {
      const doc = (await store.getDocument(summary.id))!;
      const expected = buildDocumentGraph(doc);
      expect(summary.passages).toBe(expected.passages.length);
      expect(summary.articles).toBe(expected.articles.length);
    }
    const resumed = await (await import('../../ingest/pipeline/index.js')).ingestPaths([corpus], store, { maxFileBytes: config.maxFileBytes });
    expect(resumed.filter((o) => o.status === 'unchanged').length).toBe(documents.length);
    expect(resumed.filter((o) => o.status === 'inserted').length).toBe(40 - documents.length);
    await store.close();
  });
});
