import type { PassageRecord } from '../../graph/model.js';
import type { Embedder } from '../embed/Embedder.js';
import { contentHash, type VectorCache } from '../vector/VectorCache.js';
import type { VectorIndex } from '../vector/VectorIndex.js';

export interface VectorStatus {
  /** 'embedding' while passages of the store still lack a vector; vector search then covers the others. */
  readonly state: 'ready' | 'embedding' | 'failed';
  readonly embedderId: string;
  /** Passages of the store that have a vector, of `total`. */
  readonly embedded: number;
  readonly total: number;
  /** Texts per second through the model in this process (cache hits excluded); absent before the first batch. */
  readonly passagesPerSecond?: number;
  /** Vectors taken from the cache instead of the model in this process. */
  readonly fromCache: number;
  /** Texts the embedder computed in this process. */
  readonly computed: number;
  readonly error?: string;
}

export interface VectorSyncOptions {
  readonly index: VectorIndex;
  readonly embedder: Embedder;
  /** Where the index is saved (VectorIndex.save). */
  readonly dir: string;
  /** Vectors by content hash; absent for embedders cheap enough to recompute. */
  readonly cache?: VectorCache;
  readonly log?: (line: string) => void;
  /** Called after every chunk, e.g. for a progress bar. */
  readonly onProgress?: (status: VectorStatus) => void;
  /** Passages per chunk: cache lookup, embed, cache write, index add. Default 64. */
  readonly chunkSize?: number;
  /** Save the index at least this often while embedding, so a killed process loses little. Default 20 s. */
  readonly saveEveryMs?: number;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Keeps a vector index equal to a set of passages, in the background: stale entries are dropped, missing
 * passages embedded shortest first in chunks (similar lengths pad little), each chunk committed to the
 * cache before it reaches the index. Saves go through VectorIndex.save (atomic), so a kill at any point
 * leaves a consistent index on disk and the next reconcile embeds only what is still missing.
 */
export class VectorSync {
  readonly index: VectorIndex;
  readonly embedder: Embedder;
  private wanted = new Map<string, PassageRecord>();
  private generation = 0;
  private running: Promise<void> | undefined;
  private error: string | undefined;
  private dirty = false;
  private lastSave = Date.now();
  private modelTexts = 0;
  private modelSeconds = 0;
  private cacheHits = 0;

  constructor(private readonly options: VectorSyncOptions) {
    this.index = options.index;
    this.embedder = options.embedder;
  }

  /**
   * Sets the passages the index must hold. Resolves when it holds exactly them and is saved; rejects when
   * embedding fails (the status then says why). A call while a run is going on joins that run.
   */
  reconcile(passages: readonly PassageRecord[], options: { forceSave?: boolean } = {}): Promise<void> {
    this.wanted = new Map(passages.map((p) => [p.id, p]));
    this.generation++;
    this.error = undefined;
    if (options.forceSave) this.dirty = true;
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Resolves when no run is going on (errors are in status()). */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  status(): VectorStatus {
    let embedded = 0;
    for (const id of this.wanted.keys()) if (this.index.has(id)) embedded++;
    const total = this.wanted.size;
    return {
      state: this.error ? 'failed' : embedded < total ? 'embedding' : 'ready',
      embedderId: this.embedder.id,
      embedded,
      total,
      ...(this.modelSeconds > 0 ? { passagesPerSecond: Math.round((this.modelTexts / this.modelSeconds) * 10) / 10 } : {}),
      fromCache: this.cacheHits,
      computed: this.modelTexts,
      ...(this.error ? { error: this.error } : {}),
    };
  }

  private async run(): Promise<void> {
    await yieldToEventLoop(); // the caller gets its promise (and the server its first requests) first
    try {
      for (;;) {
        const generation = this.generation;
        const stale = this.index.ids().filter((id) => !this.wanted.has(id));
        if (stale.length > 0) {
          this.index.remove(stale);
          this.dirty = true;
        }
        const missing = [...this.wanted.values()].filter((p) => !this.index.has(p.id)).sort((a, b) => a.text.length - b.text.length);
        const chunkSize = this.options.chunkSize ?? 64;
        for (let i = 0; i < missing.length && generation === this.generation; i += chunkSize) {
          await this.embedChunk(missing.slice(i, i + chunkSize).filter((p) => this.wanted.has(p.id) && !this.index.has(p.id)));
          this.options.onProgress?.(this.status());
          if (Date.now() - this.lastSave > (this.options.saveEveryMs ?? 20_000)) await this.save();
          await yieldToEventLoop();
        }
        if (generation === this.generation) break;
      }
      if (this.dirty) await this.save();
    } catch (error) {
      this.error = (error as Error).message;
      this.options.log?.(`Vector index: embedding stopped: ${this.error}`);
      if (this.dirty) await this.save().catch(() => undefined);
      throw error;
    }
  }

  private async embedChunk(chunk: PassageRecord[]): Promise<void> {
    if (chunk.length === 0) return;
    const { embedder, cache } = this.options;
    const hashes = chunk.map((p) => contentHash(p.text));
    const known = cache?.getMany(embedder.id, hashes, embedder.dimension) ?? new Map<string, Float32Array>();
    const todo = new Map<string, string>();
    chunk.forEach((p, i) => {
      if (!known.has(hashes[i])) todo.set(hashes[i], p.text);
    });
    if (todo.size > 0) {
      const started = performance.now();
      const vectors = await embedder.embed([...todo.values()], { kind: 'passage' });
      this.modelSeconds += (performance.now() - started) / 1000;
      this.modelTexts += todo.size;
      const fresh = [...todo.keys()].map((hash, i) => [hash, vectors[i]] as const);
      cache?.putMany(embedder.id, fresh);
      for (const [hash, vector] of fresh) known.set(hash, vector);
    }
    this.cacheHits += chunk.length - todo.size;
    this.index.add(
      chunk.map((p) => p.id),
      hashes.map((hash) => known.get(hash)!),
    );
    this.dirty = true;
  }

  private async save(): Promise<void> {
    this.dirty = false;
    this.lastSave = Date.now();
    await this.index.save(this.options.dir);
  }
}
