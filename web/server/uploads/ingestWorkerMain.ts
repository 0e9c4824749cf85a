/**
 * The ingest worker process (started by IngestWorker): reads, structures, extracts and stores one
 * uploaded file at a time, off the server's thread, under the server's time and memory budget.
 * It opens its own connection to the same store; the server notices the change by its counter.
 */
import type { Config } from '../../../graph/config.js';
import { isAppError } from '../../../graph/errors.js';
import type { GraphStore } from '../../../graph/GraphStore.js';
import { openStore } from '../../../graph/openStore.js';
import { buildDocumentGraph, ingestPaths } from '../../../ingest/pipeline/index.js';
import { tokenize } from '../../../text/segment/index.js';
import type { WorkerReply, WorkerRequest } from './workerMessages.js';

let store: Promise<GraphStore> | undefined;

const WARM_UP = '某市某区某街道工作简报\n\n某街道推行“1+3+X”网格力量体系，党工委书记负责，全年走访居民120户。\n';

function send(reply: WorkerReply): void {
  // The server may have gone (or killed this worker's channel): nothing is left to tell.
  if (process.connected) process.send?.(reply, undefined, {}, () => undefined);
}

async function handle(request: WorkerRequest): Promise<void> {
  const { jobId, file, baseDir, config } = request;
  try {
    store ??= openStore(config as Config);
    const [outcome] = await ingestPaths([file], await store, { maxFileBytes: config.maxFileBytes, baseDir }, {
      onFileStart: () => send({ kind: 'progress', jobId, progress: 0.1 }),
      afterStore: async () => send({ kind: 'progress', jobId, progress: 0.6 }),
    });
    send({ kind: 'done', jobId, outcome });
  } catch (error) {
    send({
      kind: 'error',
      jobId,
      code: isAppError(error) ? error.code : 'INTERNAL',
      message: isAppError(error) ? error.message : String((error as Error)?.stack ?? error),
    });
  }
}

// Dictionaries, the division list and the rule tables load now, before the first upload arrives
// and outside its time budget.
tokenize('');
buildDocumentGraph({ id: 'doc-warm-up', path: 'warm-up.txt', format: 'txt', encoding: 'utf-8', text: WARM_UP, ingestedAt: '' });
send({ kind: 'ready' });

let queue: Promise<void> = Promise.resolve();
process.on('message', (request: WorkerRequest) => {
  queue = queue.then(() => handle(request));
});
process.on('disconnect', () => {
  void queue.then(async () => {
    await (await store)?.close();
    process.exit(0);
  });
});
