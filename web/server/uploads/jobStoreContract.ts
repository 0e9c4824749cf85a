import { expect, it } from 'vitest';
import type { Job } from './IngestQueue.js';
import type { JobStore } from './JobStore.js';

const job = (id: string): Job => ({ id, status: 'queued', file: '报告.docx', progress: 0, createdAt: '2026-11-26T00:00:00.000Z' });

/** What IngestQueue relies on, for every JobStore. */
export function jobStoreContract(open: () => Promise<JobStore>): void {
  it('creates, reads and patches a job; an outcome survives the round trip; an unknown id is undefined', async () => {
    const store = await open();
    await store.create(job('job-1'));
    expect(await store.get('job-1')).toEqual(job('job-1'));
    await store.update('job-1', { status: 'running', progress: 0.6 });
    expect(await store.get('job-1')).toMatchObject({ status: 'running', progress: 0.6, file: '报告.docx' });
    const outcome = { file: '报告.docx', status: 'inserted' as const, docId: 'doc-1', passages: 3 };
    await store.update('job-1', { status: 'done', progress: 1, outcome, finishedAt: '2026-11-26T00:01:00.000Z' });
    expect(await store.get('job-1')).toEqual({ ...job('job-1'), status: 'done', progress: 1, outcome, finishedAt: '2026-11-26T00:01:00.000Z' });
    expect(await store.get('job-unknown')).toBeUndefined();
    await store.update('job-unknown', { status: 'failed' }); // no-op, no throw
    expect(await store.get('job-unknown')).toBeUndefined();
  });

  it('never fails a job whose server keeps beating', async () => {
    const store = await open();
    await store.create(job('job-live'));
    await store.update('job-live', { status: 'running' });
    await store.heartbeat();
    expect(await store.failAbandoned(60_000)).toEqual([]);
    expect(await store.get('job-live')).toMatchObject({ status: 'running' });
  });
}
