import { parentPort, workerData } from 'node:worker_threads';
import { TransformersEmbedder, type TransformersEmbedderOptions } from './TransformersEmbedder.js';

export interface EmbedRequest {
  readonly id: number;
  readonly texts: string[];
}

export type EmbedReply =
  | { readonly id: number; readonly vectors: Float32Array }
  | { readonly id: number; readonly error: string }
  | { readonly ready: true; readonly embedderId: string }
  | { readonly failed: string };

/** Loads the model with the parent's options and embeds passages on request, one request at a time. */
export async function runEmbedWorker(): Promise<void> {
  const port = parentPort!;
  let embedder: TransformersEmbedder;
  try {
    embedder = await TransformersEmbedder.create(workerData as TransformersEmbedderOptions);
  } catch (error) {
    port.postMessage({ failed: (error as Error).message } satisfies EmbedReply);
    return;
  }
  let queue = Promise.resolve();
  port.on('message', (request: EmbedRequest) => {
    queue = queue.then(async () => {
      try {
        const vectors = await embedder.embed(request.texts, { kind: 'passage' });
        const flat = new Float32Array(vectors.length * embedder.dimension);
        vectors.forEach((v, i) => flat.set(v, i * embedder.dimension));
        port.postMessage({ id: request.id, vectors: flat } satisfies EmbedReply, [flat.buffer]);
      } catch (error) {
        port.postMessage({ id: request.id, error: (error as Error).message } satisfies EmbedReply);
      }
    });
  });
  port.postMessage({ ready: true, embedderId: embedder.id } satisfies EmbedReply);
}
