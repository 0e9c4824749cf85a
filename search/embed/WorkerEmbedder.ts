import { Worker } from 'node:worker_threads';
import { AppError } from '../../graph/errors.js';
import type { Embedder, EmbedKind } from './Embedder.js';
import type { EmbedReply } from './embedWorkerMain.js';
import type { TransformersEmbedder } from './TransformersEmbedder.js';

const WORKER_URL = new URL('./embedWorker.mjs', import.meta.url);

/**
 * The same model in a worker thread, for background passage embedding in the server: onnxruntime-node
 * runs a batch synchronously on the calling thread, which would hold up every request for the length of
 * a batch. Queries (one short text) still go through the main-thread model. When the worker cannot start
 * (or loads another model), passages fall back to the main thread and `fallbackReason` says why.
 */
export class WorkerEmbedder implements Embedder {
  readonly id: string;
  readonly dimension: number;
  fallbackReason: string | undefined;
  private worker: Worker | undefined;
  private ready: Promise<boolean> | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (v: Float32Array) => void; reject: (e: Error) => void }>();

  constructor(private readonly base: TransformersEmbedder) {
    this.id = base.id;
    this.dimension = base.dimension;
  }

  private start(): Promise<boolean> {
    this.ready ??= new Promise<boolean>((resolve) => {
      let worker: Worker;
      try {
        worker = new Worker(WORKER_URL, { workerData: this.base.createOptions });
      } catch (error) {
        this.fallbackReason = `worker thread did not start: ${(error as Error).message}`;
        return resolve(false);
      }
      worker.unref(); // never keeps the process alive
      const fail = (reason: string) => {
        this.fallbackReason ??= reason;
        this.worker = undefined;
        for (const { reject } of this.pending.values()) reject(new AppError('EMBEDDER_UNAVAILABLE', `embedding worker: ${reason}`));
        this.pending.clear();
        resolve(false);
      };
      worker.on('message', (reply: EmbedReply) => {
        if ('ready' in reply) {
          if (reply.embedderId !== this.id) {
            void worker.terminate();
            return fail(`worker loaded ${reply.embedderId}, expected ${this.id}`);
          }
          this.worker = worker;
          return resolve(true);
        }
        if ('failed' in reply) return fail(reply.failed);
        const waiting = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        if ('error' in reply) waiting?.reject(new AppError('EMBEDDER_UNAVAILABLE', `embedding worker: ${reply.error}`));
        else waiting?.resolve(reply.vectors);
      });
      worker.on('error', (error) => fail(error.message));
      worker.on('exit', (code) => fail(`worker exited with code ${code}`));
    });
    return this.ready;
  }

  async embed(texts: string[], opts: { kind: EmbedKind }): Promise<Float32Array[]> {
    if (opts.kind === 'query' || texts.length === 0 || !(await this.start()) || !this.worker) return this.base.embed(texts, opts);
    const id = this.nextId++;
    const flat = await new Promise<Float32Array>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker!.postMessage({ id, texts });
    });
    return texts.map((_, i) => flat.slice(i * this.dimension, (i + 1) * this.dimension));
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = Promise.resolve(false);
    await worker?.terminate();
  }
}
