import type { Config } from '../../../graph/config.js';
import type { FileOutcome } from '../../../ingest/pipeline/index.js';

export interface WorkerRequest {
  jobId: string;
  file: string;
  baseDir: string;
  config: Config;
}

export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'progress'; jobId: string; progress: number }
  | { kind: 'done'; jobId: string; outcome: FileOutcome | undefined }
  | { kind: 'error'; jobId: string; code: string; message: string };
