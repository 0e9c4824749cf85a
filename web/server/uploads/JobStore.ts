import { randomUUID } from 'node:crypto';
import type { GraphStore } from '../../../graph/GraphStore.js';
import type { Neo4jJobNodes } from '../../../graph/neo4j/jobNodes.js';
import type { FileOutcome } from '../../../ingest/pipeline/index.js';
import type { Job } from './IngestQueue.js';

export type JobPatch = Partial<Pick<Job, 'status' | 'progress' | 'outcome' | 'error' | 'finishedAt'>>;

/**
 * Where upload jobs live. In memory for the embedded store (one server); in the database for Neo4j,
 * so a job is visible through every server, and one whose server died is marked failed by another
 * (failAbandoned) instead of staying 'running'. The document itself is written in one transaction,
 * so a dead server leaves either the whole document or none of it.
 */
export interface JobStore {
  /** This server's name in the jobs it owns. */
  readonly owner: string;
  create(job: Job): Promise<void>;
  update(id: string, patch: JobPatch): Promise<void>;
  get(id: string): Promise<Job | undefined>;
  /** Keeps this server's unfinished jobs alive (call well within the staleness window). */
  heartbeat(): Promise<void>;
  /** Fails unfinished jobs of any server not heard of for staleMs; returns them. */
  failAbandoned(staleMs: number): Promise<Job[]>;
}

export const ABANDONED_REASON = '处理该上传的服务器已停止，入库未完成，请重新上传';

/** Finished jobs kept for polling; the oldest finished ones are forgotten first. */
const MAX_JOBS = 500;
/** Finished jobs in the database are dropped a day after they ended (clients poll for seconds). */
const FINISHED_KEPT_MS = 24 * 3600_000;

export class MemoryJobStore implements JobStore {
  readonly owner = 'this-server';
  private readonly jobs = new Map<string, Job>();

  async create(job: Job): Promise<void> {
    this.jobs.set(job.id, { ...job });
    for (const [id, old] of this.jobs) {
      if (this.jobs.size <= MAX_JOBS) break;
      if (old.status === 'done' || old.status === 'failed') this.jobs.delete(id);
    }
  }

  async update(id: string, patch: JobPatch): Promise<void> {
    const job = this.jobs.get(id);
    if (job) Object.assign(job, patch);
  }

  async get(id: string): Promise<Job | undefined> {
    const job = this.jobs.get(id);
    return job && { ...job };
  }

  async heartbeat(): Promise<void> {}

  /** One process: its jobs die with it, there is no one else's to fail. */
  async failAbandoned(): Promise<Job[]> {
    return [];
  }
}

export class Neo4jJobStore implements JobStore {
  constructor(private readonly nodes: Neo4jJobNodes, readonly owner: string = randomUUID()) {}

  async create(job: Job): Promise<void> {
    await this.nodes.create({ ...job, outcome: job.outcome && JSON.stringify(job.outcome), owner: this.owner });
  }

  async update(id: string, patch: JobPatch): Promise<void> {
    await this.nodes.update(id, { ...patch, outcome: patch.outcome && JSON.stringify(patch.outcome) });
  }

  async get(id: string): Promise<Job | undefined> {
    const node = await this.nodes.get(id);
    if (!node) return undefined;
    const { owner: _owner, outcome, ...job } = node;
    return { ...job, ...(outcome ? { outcome: JSON.parse(outcome) as FileOutcome } : {}) };
  }

  heartbeat(): Promise<void> {
    return this.nodes.heartbeat(this.owner);
  }

  async failAbandoned(staleMs: number): Promise<Job[]> {
    const failed = await this.nodes.failAbandoned(staleMs, ABANDONED_REASON);
    await this.nodes.forgetFinished(FINISHED_KEPT_MS);
    return failed.map(({ owner: _owner, outcome, ...job }) => ({ ...job, ...(outcome ? { outcome: JSON.parse(outcome) as FileOutcome } : {}) }));
  }
}

/** The job store for a graph store: in Neo4j when the graph is there, else in memory. */
export function jobStoreFor(store: GraphStore): JobStore {
  const withJobs = store as GraphStore & { jobNodes?: () => Neo4jJobNodes };
  return store.backend === 'neo4j' && withJobs.jobNodes ? new Neo4jJobStore(withJobs.jobNodes()) : new MemoryJobStore();
}
