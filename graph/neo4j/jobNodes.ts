import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { compact, rows } from './cypher.js';

/**
 * Upload jobs as (:Job) nodes, so any server sharing the database can report a job's outcome, and a
 * job whose server died (its owner stopped beating) is marked failed by another instead of staying
 * 'running' for ever. Times are the database's clock (timestamp()), in ms.
 */

export type JobNodeStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobNode {
  id: string;
  status: JobNodeStatus;
  file: string;
  progress: number;
  /** JSON of the ingest outcome. */
  outcome?: string;
  error?: string;
  createdAt: string;
  finishedAt?: string;
  /** The server running it. */
  owner: string;
}

type Work = <T>(work: (tx: ManagedTransaction) => Promise<T>) => Promise<T>;

const CREATE = 'CREATE (j:Job) SET j = $job, j.beatAt = timestamp()';
const UPDATE = 'MATCH (j:Job {id: $id}) SET j += $patch, j.beatAt = timestamp() RETURN count(j) AS n';
const GET = 'MATCH (j:Job {id: $id}) RETURN properties(j) AS j';
const BEAT = "MATCH (j:Job {owner: $owner}) WHERE j.status IN ['queued', 'running'] SET j.beatAt = timestamp()";
const FAIL_ABANDONED = `
MATCH (j:Job) WHERE j.status IN ['queued', 'running'] AND j.beatAt < timestamp() - $staleMs
SET j.status = 'failed', j.error = $reason, j.progress = 1, j.finishedAt = $now
RETURN properties(j) AS j`;
const FORGET_FINISHED = `
MATCH (j:Job) WHERE j.status IN ['done', 'failed'] AND j.beatAt < timestamp() - $keepMs
WITH j LIMIT 1000 DELETE j`;

function toJob(props: Record<string, unknown>): JobNode {
  const { beatAt: _beatAt, ...rest } = props;
  return { ...(rest as unknown as JobNode), progress: Number(rest.progress) };
}

export class Neo4jJobNodes {
  constructor(private readonly read: Work, private readonly write: Work) {}

  async create(job: JobNode): Promise<void> {
    await this.write((tx) => tx.run(CREATE, { job: compact({ ...job }) }));
  }

  /** Applies a patch (undefined fields are left alone); false when the job is unknown. */
  async update(id: string, patch: Partial<Omit<JobNode, 'id' | 'owner' | 'createdAt'>>): Promise<boolean> {
    const [row] = await this.write((tx) => rows<{ n: number }>(tx, UPDATE, { id, patch: compact(patch) }));
    return Number(row?.n ?? 0) > 0;
  }

  async get(id: string): Promise<JobNode | undefined> {
    const [row] = await this.read((tx) => rows<{ j: Record<string, unknown> }>(tx, GET, { id }));
    return row ? toJob(row.j) : undefined;
  }

  /** Tells the others this owner's unfinished jobs are alive. */
  async heartbeat(owner: string): Promise<void> {
    await this.write((tx) => tx.run(BEAT, { owner }));
  }

  /** Marks failed every unfinished job not heard of for staleMs (its server died); returns them. */
  async failAbandoned(staleMs: number, reason: string): Promise<JobNode[]> {
    const found = await this.write((tx) => rows<{ j: Record<string, unknown> }>(tx, FAIL_ABANDONED, {
      staleMs: neo4j.int(Math.trunc(staleMs)), reason, now: new Date().toISOString(),
    }));
    return found.map((r) => toJob(r.j));
  }

  /** Drops finished jobs older than keepMs (polling clients had their answer long ago). */
  async forgetFinished(keepMs: number): Promise<void> {
    await this.write((tx) => tx.run(FORGET_FINISHED, { keepMs: neo4j.int(Math.trunc(keepMs)) }));
  }
}
