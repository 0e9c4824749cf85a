/** Upload jobs in Neo4j (web/server/uploads/JobStore.ts): the shared contract plus another server's view. */
import { afterAll, beforeEach, expect, it } from 'vitest';
import type { Neo4jGraphStore } from '../../graph/neo4j/Neo4jGraphStore.js';
import { ABANDONED_REASON, Neo4jJobStore } from '../../web/server/uploads/JobStore.js';
import { jobStoreContract } from '../../web/server/uploads/jobStoreContract.js';
import { clearNeo4j, cypher, openNeo4jStore } from '../store/neo4jTestEnv.js';

export function jobStoreCases(): void {
  const opened: Neo4jGraphStore[] = [];
  const server = async (name: string) => {
    const store = await openNeo4jStore();
    opened.push(store);
    return new Neo4jJobStore(store.jobNodes(), name);
  };
  beforeEach(clearNeo4j);
  afterAll(async () => {
    for (const store of opened) await store.close();
    await clearNeo4j();
  });

  jobStoreContract(() => server('server-a'));

  it('shows a job to another server, and fails it there once its server stopped beating', async () => {
    const a = await server('server-a');
    const b = await server('server-b');
    await a.create({ id: 'job-dead', status: 'queued', file: 'a.txt', progress: 0, createdAt: '2026-11-26T00:00:00.000Z' });
    await a.update('job-dead', { status: 'running', progress: 0.6 });
    await a.create({ id: 'job-done', status: 'queued', file: 'b.txt', progress: 0, createdAt: '2026-11-26T00:00:00.000Z' });
    await a.update('job-done', { status: 'done', progress: 1 });
    expect(await b.get('job-dead')).toMatchObject({ status: 'running', progress: 0.6, file: 'a.txt' });
    // Server A dies: its last beat ages past the window.
    await cypher("MATCH (j:Job) SET j.beatAt = timestamp() - 120000");
    const failed = await b.failAbandoned(60_000);
    expect(failed.map((j) => j.id)).toEqual(['job-dead']);
    expect(await a.get('job-dead')).toMatchObject({ status: 'failed', progress: 1, error: ABANDONED_REASON });
    expect(await b.get('job-done')).toMatchObject({ status: 'done' });
    // A finished job is kept a day for polling, then dropped.
    await cypher("MATCH (j:Job {id: 'job-done'}) SET j.beatAt = timestamp() - 2 * 24 * 3600 * 1000");
    await b.failAbandoned(60_000);
    expect(await b.get('job-done')).toBeUndefined();
    expect(await b.get('job-dead')).toMatchObject({ status: 'failed' });
  });
}
