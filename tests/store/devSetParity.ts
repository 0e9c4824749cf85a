import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../graph/config.js';
import type { GraphStore } from '../../graph/GraphStore.js';
import { SqliteGraphStore } from '../../graph/sqlite/SqliteGraphStore.js';
import { ingestPaths } from '../../ingest/pipeline/index.js';
import { AnswerEngine } from '../../search/AnswerEngine.js';
import { CORPUS_DIR, PROJECT_ROOT, tempDataDir } from '../helpers/corpusStore.js';
import { clearNeo4j, openNeo4jStore } from './neo4jTestEnv.js';

const questions: { id: string; query: string }[] = JSON.parse(
  fs.readFileSync(path.join(PROJECT_ROOT, 'tests', 'eval', 'dev-queries.json'), 'utf8'),
);

/** Query parity: every dev question gets the same answers, citations, table, summary and passages from both backends. */
export function devSetParity(): void {
  const dirs: string[] = [];
  const stores: GraphStore[] = [];
  const engines: AnswerEngine[] = [];

  beforeAll(async () => {
    await clearNeo4j();
    for (const open of [async (dir: string) => new SqliteGraphStore(path.join(dir, 'graph.sqlite')), () => openNeo4jStore()]) {
      const dir = tempDataDir('atlas-parity');
      dirs.push(dir);
      const store = await open(dir);
      stores.push(store);
      const config = loadConfig({ DATA_DIR: dir, EMBEDDER: 'corpus' });
      const outcomes = await ingestPaths([CORPUS_DIR], store, { maxFileBytes: config.maxFileBytes, baseDir: PROJECT_ROOT });
      expect(outcomes.every((o) => o.status === 'inserted')).toBe(true);
      engines.push(await AnswerEngine.open(store, config));
    }
  }, 600_000);

  afterAll(async () => {
    for (const store of stores) await store.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`answers all ${questions.length} dev questions identically`, async () => {
    const [sqlite, neo4j] = engines;
    let withAnswers = 0;
    for (const { id, query } of questions) {
      const [a, b] = [await sqlite.answer(query), await neo4j.answer(query)];
      expect(b, `${id} ${query}`).toEqual(a);
      if (a.answers.length) withAnswers++;
    }
    expect(withAnswers).toBeGreaterThan(30);
  }, 600_000);
}
