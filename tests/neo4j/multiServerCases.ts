/**
 * Issue 12: several app servers over one Neo4j. Registered from tests/store/contract.test.ts, the one
 * file that owns the shared test database (vitest runs files in parallel).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { clearNeo4j, cypher } from '../store/neo4jTestEnv.js';
import { getJson, killGroup, startAppServer, stopAppServer, untilServing, type AppServer } from './appServers.js';

const CORPUS_FILES = fs.readdirSync(path.resolve(import.meta.dirname, '..', '..', 'corpus')).filter((f) => !f.startsWith('.')).length;

/** Invented report (no corpus place or practice): a word only it contains proves where a hit comes from. */
const REPORT = [
  '昆明市五华区华山街道“院坝议事角”工作报告',
  '',
  '华山街道在各小区设立院坝议事角，楼栋长每半月召集居民商量加装电梯和停车位划线等事项，议定事项由社区限时办结。',
  '',
].join('\n');

interface SearchBody { passages: { docId: string; passageId: string; text?: string; start: number; end: number }[] }

async function upload(server: AppServer, name: string, text: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/plain' }), name);
  const res = await fetch(`${server.url}/api/documents`, { method: 'POST', body: form });
  expect(res.status).toBe(202);
  const { jobId } = (await res.json()) as { jobId: string };
  return jobId;
}

async function jobOutcome(server: AppServer, jobId: string, timeoutMs = 120_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await getJson(server, `/api/jobs/${jobId}`);
    if (body.status === 'done' || body.status === 'failed') return body;
    if (Date.now() > deadline) throw new Error(`job ${jobId} on ${server.name} still ${body.status}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

const search = (server: AppServer, q: string, mode = 'keyword') => getJson<SearchBody>(server, `/api/search?mode=${mode}&q=${encodeURIComponent(q)}`);

export function multiServerCases(): void {
  let a: AppServer;
  let b: AppServer;

  beforeAll(async () => {
    // An empty database, schema included: the servers must create it while racing each other.
    await clearNeo4j();
    for (const row of await cypher<{ name: string }>('SHOW CONSTRAINTS YIELD name')) await cypher(`DROP CONSTRAINT ${row.name}`);
    for (const row of await cypher<{ name: string }>("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")) await cypher(`DROP INDEX ${row.name}`);
    [a, b] = await Promise.all([startAppServer('server-a'), startAppServer('server-b')]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a, b].filter(Boolean).map((s) => stopAppServer(s)));
    await clearNeo4j();
  });

  it('two servers started at the same moment on an empty Neo4j both serve, and corpus/ is ingested once', async () => {
    // Generous: both servers may rebuild the UI and one ingests corpus/ on a machine shared with others.
    await Promise.all([untilServing(a, 560_000), untilServing(b, 560_000)]);
    const ingesting = [a, b].filter((s) => s.log().includes('First run: ingesting'));
    expect(ingesting).toHaveLength(1);
    expect(await cypher('MATCH (d:Document) RETURN count(d) AS n')).toEqual([{ n: CORPUS_FILES }]);
    expect(await cypher("MATCH (l:AtlasLease {name: 'first-run-ingest'}) RETURN l.completedAt IS NOT NULL AS done, l.holder AS holder")).toEqual([
      { done: true, holder: null },
    ]);
    expect(await cypher('MATCH (l:AtlasLock) RETURN count(l) AS n')).toEqual([{ n: 1 }]);
    for (const server of [a, b]) {
      const health = await getJson(server, '/api/health');
      expect(health.body).toMatchObject({ ok: true, backend: 'neo4j' });
      expect((await getJson<unknown[]>(server, '/api/documents')).body).toHaveLength(CORPUS_FILES);
    }
    // Passage vectors go into Neo4j's vector index, each passage embedded once whichever server did it.
    const deadline = Date.now() + 120_000;
    let embedded: { n: number; total: number } = { n: 0, total: -1 };
    while (Date.now() < deadline) {
      [embedded] = await cypher<{ n: number; total: number }>(
        'MATCH (p:Passage) RETURN count(p.embedding) AS n, count(p) AS total',
      );
      if (embedded.n === embedded.total) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(embedded.n).toBe(embedded.total);
    expect(await cypher("SHOW VECTOR INDEXES YIELD name, state RETURN name, state")).toEqual([{ name: 'passage_vectors', state: 'ONLINE' }]);
    const [fromA, fromB] = await Promise.all([search(a, '网格化管理'), search(b, '网格化管理')]);
    expect(fromA.body.passages.length).toBeGreaterThan(0);
    expect(fromB.body.passages.map((p) => p.passageId)).toEqual(fromA.body.passages.map((p) => p.passageId));
    expect([a, b].filter((s) => s.log().includes('Lost the lease'))).toEqual([]);
    const [vectorA, vectorB] = await Promise.all([search(a, '老旧小区改造', 'vector'), search(b, '老旧小区改造', 'vector')]);
    expect(vectorA.body.passages.length).toBeGreaterThan(0);
    expect(vectorB.body.passages.map((p) => p.passageId)).toEqual(vectorA.body.passages.map((p) => p.passageId));
  }, 720_000);

  it('an upload through A is found through B with its citation; a delete through B is gone from A', async () => {
    const before = await search(b, '院坝议事角');
    expect(before.body.passages.filter((p) => p.docId.startsWith('doc-') && /院坝议事角/.test(p.text ?? ''))).toEqual([]);

    const job = await jobOutcome(a, await upload(a, 'kunming-wuhua.txt', REPORT));
    expect(job).toMatchObject({ status: 'done', outcome: { status: 'inserted' } });
    const docId: string = job.outcome.docId;

    const found = await search(b, '院坝议事角');
    const hit = found.body.passages.find((p) => p.docId === docId);
    expect(hit).toBeDefined();
    const doc = await getJson<{ document: { text: string } }>(b, `/api/documents/${docId}`);
    expect(doc.body.document.text.slice(hit!.start, hit!.end)).toContain('院坝议事角');

    const deleted = await fetch(`${b.url}/api/documents/${docId}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    const after = await search(a, '院坝议事角');
    expect(after.body.passages.map((p) => p.docId)).not.toContain(docId);
    expect((await getJson(a, `/api/documents/${docId}`)).status).toBe(404);
  }, 180_000);

  it('a server killed during an upload leaves no partial document, and the other server reports the job failed', async () => {
    // Long enough that the ingest is still running when the server dies.
    const paragraphs = Array.from({ length: 400 }, (_, i) =>
      `第${i + 1}片区推行“楼栋夜谈”，第${i + 1}网格的楼栋长每周收集居民诉求${i + 3}件，办结率达${(90 + (i % 10)).toString()}%。`);
    const text = ['遵义市红花岗区老城街道“楼栋夜谈”工作报告', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n');
    const jobId = await upload(a, 'zunyi-laocheng.txt', text);
    const deadline = Date.now() + 60_000;
    let seen = 'queued';
    while (seen === 'queued' && Date.now() < deadline) {
      seen = (await getJson(a, `/api/jobs/${jobId}`)).body.status;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(seen).toBe('running');
    killGroup(a, 'SIGKILL');
    await a.exited;

    const job = await jobOutcome(b, jobId, 90_000);
    expect(job).toMatchObject({ status: 'failed', file: 'zunyi-laocheng.txt' });
    expect(job.error).toMatch(/服务器已停止/);
    // One transaction per document: all of it or none of it, never passages without their document.
    expect(await cypher('MATCH (p:Passage) WHERE NOT EXISTS { MATCH (:Document {id: p.docId}) } RETURN count(p) AS n')).toEqual([{ n: 0 }]);
    const stored = await cypher<{ passages: number }>(
      "MATCH (d:Document) WHERE d.path ENDS WITH 'zunyi-laocheng.txt' RETURN COUNT { MATCH (p:Passage {docId: d.id}) } AS passages",
    );
    for (const row of stored) expect(row.passages).toBeGreaterThan(0);
    expect((await getJson(b, '/api/health')).body).toMatchObject({ ok: true });
  }, 240_000);
}
