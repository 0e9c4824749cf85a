/** The database-held lease behind the first-run ingest (graph/neo4j/lease.ts), against the real server. */
import { afterAll, beforeEach, expect, it } from 'vitest';
import { clearNeo4j, cypher, openNeo4jStore } from '../store/neo4jTestEnv.js';

export function leaseCases(): void {
  beforeEach(clearNeo4j);
  afterAll(clearNeo4j);

  it('runs the work once when two stores ask at the same moment; the other waits and gets done', async () => {
    const [s1, s2] = await Promise.all([openNeo4jStore(), openNeo4jStore()]);
    try {
      const runs: string[] = [];
      const work = (who: string) => async ({ resumed }: { resumed: boolean }) => {
        runs.push(`${who}:${resumed}`);
        await new Promise((resolve) => setTimeout(resolve, 1500));
      };
      const outcomes = await Promise.all([
        s1.runOnce('job', work('one'), { pollMs: 100 }),
        s2.runOnce('job', work('two'), { pollMs: 100 }),
      ]);
      expect([...outcomes].sort()).toEqual(['done', 'ran']);
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatch(/:false$/);
      expect(await s1.runOnce('job', work('three'))).toBe('done');
      expect(runs).toHaveLength(1);
    } finally {
      await Promise.all([s1.close(), s2.close()]);
    }
  });

  it('takes over (resumed) from a holder whose lease expired, and a failed run frees the lease at once', async () => {
    // A holder that started and died: its lease ran out a second ago and it never completed.
    await cypher("CREATE (:AtlasLease {name: 'job', holder: 'dead-server', startedAt: timestamp() - 60000, expiresAt: timestamp() - 1000})");
    const store = await openNeo4jStore();
    try {
      await expect(store.runOnce('job', async () => { throw new Error('disk full'); })).rejects.toThrow('disk full');
      expect(await cypher("MATCH (l:AtlasLease {name: 'job'}) RETURN l.holder AS holder, l.completedAt AS completedAt")).toEqual([
        { holder: null, completedAt: null },
      ]);
      const seen: boolean[] = [];
      expect(await store.runOnce('job', async ({ resumed }) => { seen.push(resumed); })).toBe('ran');
      expect(seen).toEqual([true]);
    } finally {
      await store.close();
    }
  });

  it('waits for a live holder instead of taking its lease', async () => {
    await cypher("CREATE (:AtlasLease {name: 'job', holder: 'live-server', startedAt: timestamp(), expiresAt: timestamp() + 60000})");
    const store = await openNeo4jStore();
    try {
      let ran = false;
      const attempt = store.runOnce('job', async () => { ran = true; }, { pollMs: 100 });
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(ran).toBe(false);
      await cypher("MATCH (l:AtlasLease {name: 'job'}) SET l.completedAt = timestamp(), l.holder = null");
      expect(await attempt).toBe('done');
      expect(ran).toBe(false);
    } finally {
      await store.close();
    }
  });
}
