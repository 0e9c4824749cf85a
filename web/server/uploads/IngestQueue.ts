import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { isAppError } from '../../../graph/errors.js';
import type { FileOutcome } from '../../../ingest/pipeline/index.js';
import { withoutPaths } from '../http/withoutPaths.js';
import type { JobStore } from './JobStore.js';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface Job {
  id: string;
  status: JobStatus;
  /** The client's file name (no directories). */
  file: string;
  progress: number;
  outcome?: FileOutcome;
  error?: string;
  createdAt: string;
  finishedAt?: string;
}

/** Runs one file's ingest off the server's thread (IngestWorker). */
export interface IngestRunner {
  ingest(file: string, baseDir: string, shown: string, onProgress?: (progress: number) => void): Promise<FileOutcome | undefined>;
  warm(): Promise<void>;
  close(): Promise<void>;
}

export interface IngestQueueDeps {
  worker: IngestRunner;
  engine: { refresh(): Promise<void> };
  dataDir: string;
  maxFileBytes: number;
  log: (line: string) => void;
  /**
   * Where jobs are shared with other servers (Neo4j): every change is written through, jobs of other
   * servers are looked up there, and this server's beats keep its unfinished jobs from being failed.
   */
  jobs?: JobStore;
}

/** A server beats this often; a job not heard of for JOB_STALE_MS is failed by any server that looks. */
const JOB_BEAT_MS = 5_000;
export const JOB_STALE_MS = 30_000;

/** Finished jobs kept for polling; the oldest finished ones are forgotten first. */
const MAX_JOBS = 500;

const oneLine = (text: string) => text.split('\n')[0].trim();

/**
 * Background ingest, one file at a time. Deletes go through the same lane (runExclusive), so the
 * store and the search indexes are only ever changed by one task.
 */
export class IngestQueue {
  private readonly jobs = new Map<string, Job>();
  private tail: Promise<unknown> = Promise.resolve();
  private written: Promise<void> = Promise.resolve();
  private readonly beat: NodeJS.Timeout | undefined;

  constructor(private readonly deps: IngestQueueDeps) {
    const shared = deps.jobs;
    if (shared) {
      this.beat = setInterval(() => {
        shared.heartbeat().then(() => shared.failAbandoned(JOB_STALE_MS)).catch((error) => deps.log(`job heartbeat: ${(error as Error).message}`));
      }, JOB_BEAT_MS);
      this.beat.unref();
    }
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /** This server's job, else one another server queued (shared job store); a dead server's job reads as failed. */
  async lookup(id: string): Promise<Job | undefined> {
    const own = this.jobs.get(id);
    if (own || !this.deps.jobs) return own;
    await this.deps.jobs.failAbandoned(JOB_STALE_MS);
    return this.deps.jobs.get(id);
  }

  /** Writes the job's state through to the shared store, in order; failures are logged, never thrown. */
  private persist(job: Job, created = false): void {
    const shared = this.deps.jobs;
    if (!shared) return;
    const snapshot = { ...job };
    this.written = this.written
      .then(() => (created ? shared.create(snapshot) : shared.update(snapshot.id, snapshot)))
      .catch((error) => this.deps.log(`job ${job.id}: ${(error as Error).message}`));
  }

  /** Queues an uploaded file (already saved inside the data dir); returns at once. */
  enqueue(savedPath: string, clientName: string): Job {
    const job: Job = { id: randomUUID(), status: 'queued', file: clientName, progress: 0, createdAt: new Date().toISOString() };
    this.jobs.set(job.id, job);
    this.persist(job, true);
    this.forgetOld();
    void this.runExclusive(() => this.run(job, savedPath));
    return job;
  }

  /** Runs a store-changing task after every queued one; its result or error goes to the caller only. */
  runExclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves when everything queued so far has finished. */
  async idle(): Promise<void> {
    await this.runExclusive(async () => undefined);
  }

  /** Starts the ingest worker ahead of the first upload (it loads the dictionaries once). */
  warm(): Promise<void> {
    return this.deps.worker.warm();
  }

  /** Finishes the queued work, then stops the worker process. */
  async close(): Promise<void> {
    await this.idle();
    if (this.beat) clearInterval(this.beat);
    await this.written;
    await this.deps.worker.close();
  }

  private async run(job: Job, savedPath: string): Promise<void> {
    job.status = 'running';
    job.progress = 0.05;
    this.persist(job);
    const { worker, engine, dataDir, log } = this.deps;
    const shown = path.relative(dataDir, savedPath);
    const hide = (message: string) => withoutPaths(oneLine(message.split(savedPath).join(job.file).split(shown).join(job.file)));
    try {
      const outcome = await worker.ingest(savedPath, dataDir, job.file, (progress) => {
        job.progress = progress;
      });
      if (!outcome || outcome.status === 'failed') {
        await fs.rm(savedPath, { force: true });
        this.finish(job, 'failed', { error: hide(outcome?.error ?? 'ingest produced no outcome'), ...(outcome ? { outcome: { ...outcome, file: job.file, error: hide(outcome.error ?? '') } } : {}) });
        return;
      }
      job.progress = 0.8;
      this.persist(job);
      if (outcome.status === 'unchanged') await fs.rm(savedPath, { force: true }); // same text is already stored
      else await engine.refresh();
      this.finish(job, 'done', { outcome: { ...outcome, file: job.file } });
    } catch (error) {
      if (!isAppError(error)) log(`ingest job ${job.id} (${job.file}): ${(error as Error)?.stack ?? String(error)}`);
      this.finish(job, 'failed', { error: isAppError(error) ? hide(error.message) : `${job.file}: ingest failed (internal error)` });
    }
  }

  private finish(job: Job, status: 'done' | 'failed', extra: Pick<Job, 'outcome' | 'error'>): void {
    Object.assign(job, extra, { status, progress: 1, finishedAt: new Date().toISOString() });
    this.persist(job);
  }

  private forgetOld(): void {
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= MAX_JOBS) break;
      if (job.status === 'done' || job.status === 'failed') this.jobs.delete(id);
    }
  }
}
