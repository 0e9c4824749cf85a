import type { Config } from '../../../graph/config.js';
import type { GraphStore } from '../../../graph/GraphStore.js';
import type { AnswerEngine } from '../../../search/AnswerEngine.js';
import type { IngestQueue } from '../uploads/IngestQueue.js';
import type { StoreWatcher } from '../sync/StoreWatcher.js';

/** The parts of the answer engine the API uses (a stand-in can be passed in tests). */
export type Engine = Pick<AnswerEngine, 'answer' | 'compare' | 'refresh' | 'embedderReason'>;

export interface ApiContext {
  store: GraphStore;
  engine: Engine;
  config: Config;
  queue: IngestQueue;
  /** Refreshes the engine after a store change (this process's or another's). */
  watcher: StoreWatcher;
  log: (line: string) => void;
}
