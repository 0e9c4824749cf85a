import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { GraphStore } from '../../graph/GraphStore.js';
import { SqliteGraphStore } from '../../graph/sqlite/SqliteGraphStore.js';
import { clearNeo4j, openNeo4jStore } from './neo4jTestEnv.js';
import { docA, docARevised, docB, docNasty, docSharedMechanisms, withBrokenRelation } from './sampleGraphs.js';
import { snapshot } from './snapshot.js';

/** Runs the same operations on both backends and requires the same answers (search scores aside). */
async function probe(store: GraphStore) {
  const entities = await store.findEntities({});
  const passages = await store.allPassages();
  // Tokens both tokenizers keep whole (FTS5 unicode61 splits at other punctuation and folds case).
  const comparable = /^[\p{L}\p{N}+#&._%-]+$/u;
  const tokens = [...new Set(passages.flatMap((p) => p.tokens.split(' ')))].filter((t) => comparable.test(t) && t === t.toLowerCase());
  const tokenSets = [...tokens.map((t) => [t]), ...tokens.slice(0, 20).map((t, i) => [t, tokens[i + 1]])];
  return {
    snapshot: await snapshot(store),
    relations: await Promise.all(entities.map((e) => store.relationsOf(e.id))),
    inbound: await Promise.all(entities.map((e) => store.relationsOf(e.id, { direction: 'in', types: ['ADOPTS', 'LOCATED_IN'] }))),
    near: await Promise.all(entities.map((e) => store.neighbourhood(e.id, { depth: 2, limit: 4 }))),
    wide: await Promise.all(entities.map((e) => store.neighbourhood(e.id, { depth: 2, limit: 50 }))),
    evidence: await Promise.all(entities.map((e) => store.evidenceOf(e.id, 1))),
    mentions: await Promise.all((await store.listDocuments()).map((d) => store.documentMentions(d.id))),
    pages: await Promise.all([0, 3, 6].map((offset) => store.findEntities({ limit: 3, offset }))),
    counts: await Promise.all(['region', 'mechanism', 'metric'].map((type) => store.countEntities({ type: type as 'region' }))),
    contains: await Promise.all(['网', '市', '"', '`', ''].map((nameContains) => store.findEntities({ nameContains }))),
    search: await Promise.all(tokenSets.map(async (tokens) => (await store.searchPassages(tokens, 50)).map((r) => r.passageId).sort())),
  };
}

/** Runs one scenario on a SQLite and a Neo4j store side by side; every answer must be equal. */
export function parityCases(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-parity-'));
  let sqlite: SqliteGraphStore;
  let neo: GraphStore;
  const both = async <T>(op: (store: GraphStore) => Promise<T>): Promise<[T, T]> => [await op(sqlite), await op(neo)];
  const settled = (p: Promise<unknown>) => p.then(() => 'ok', () => 'failed');

  beforeAll(async () => {
    await clearNeo4j();
    sqlite = new SqliteGraphStore(path.join(dir, 'graph.sqlite'));
    neo = await openNeo4jStore();
  });
  afterAll(async () => {
    await sqlite?.close();
    await neo?.close();
    await clearNeo4j();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('after inserts, a replacement, failures and deletes', async () => {
    for (const graph of [docA(), docB(), docNasty(), docSharedMechanisms(), docA()]) {
      const [s, n] = await both((store) => store.upsertDocument(graph));
      expect(n).toEqual(s);
    }
    let [s, n] = await both(probe);
    expect(n).toEqual(s);

    const [sf, nf] = await both((store) => settled(store.upsertDocument(withBrokenRelation(docARevised()))));
    expect([sf, nf]).toEqual(['failed', 'failed']);
    const [sr, nr] = await both((store) => store.upsertDocument(docARevised()));
    expect(nr).toEqual(sr);
    expect(sr.status).toBe('replaced');
    [s, n] = await both(probe);
    expect(n).toEqual(s);

    for (const key of [docB().document.path, docNasty().document.id, 'missing']) {
      const [sd, nd] = await both((store) => store.deleteDocument(key));
      expect(nd).toEqual(sd);
      [s, n] = await both(probe);
      expect(n).toEqual(s);
    }
  });
}
