import type { RequestHandler } from 'express';
import type { GraphStore } from '../../../graph/GraphStore.js';

/**
 * Keeps the search engine in step with the store, whoever changed it: this server's uploads and
 * deletes, or another process (the ingest CLI). Each check is one indexed read of the store's change
 * counter; a changed counter refreshes the engine once, however many requests are waiting.
 */
export class StoreWatcher {
  private seen: Promise<number>;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly store: Pick<GraphStore, 'changeCounter'>,
    private readonly engine: { refresh(): Promise<void> },
    private readonly log: (line: string) => void,
  ) {
    // The engine was opened from the store as it is now.
    this.seen = store.changeCounter();
  }

  /** Resolves once the engine reflects every change committed before the call. */
  async sync(): Promise<void> {
    for (;;) {
      if (this.pending) {
        await this.pending;
        continue;
      }
      const [counter, seen] = await Promise.all([this.store.changeCounter(), this.seen]);
      if (counter === seen) return;
      if (this.pending) continue; // another caller started a refresh while we read
      this.pending = this.refresh(counter);
      return this.pending;
    }
  }

  private async refresh(counter: number): Promise<void> {
    try {
      await this.engine.refresh();
      this.seen = Promise.resolve(counter);
    } catch (error) {
      this.log(`refresh after store change ${counter}: ${(error as Error)?.stack ?? String(error)}`);
      throw error;
    } finally {
      this.pending = undefined;
    }
  }

  /** Express middleware: requests wait for a refresh only when the store has changed. */
  middleware(): RequestHandler {
    return (_req, _res, next) => {
      this.sync().then(() => next(), next);
    };
  }
}
