import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { Config } from '../../graph/config.js';
import type { GraphStore } from '../../graph/GraphStore.js';
import type { ApiContext, Engine } from './api/context.js';
import { apiNotFound, errorHandler } from './http/errors.js';
import { JSON_BODY_LIMIT, sameOriginOnly, searchLimiter, securityHeaders, uploadLimiter } from './http/security.js';
import { documentRoutes } from './routes/documents.js';
import { entityRoutes } from './routes/entities.js';
import { exportRoutes } from './routes/export.js';
import { metaRoutes } from './routes/health.js';
import { searchRoutes } from './routes/search.js';
import { uploadRoutes } from './routes/uploads.js';
import { IngestQueue } from './uploads/IngestQueue.js';
import { jobStoreFor } from './uploads/JobStore.js';
import { IngestWorker } from './uploads/IngestWorker.js';
import { StoreWatcher } from './sync/StoreWatcher.js';

export interface CreateAppOptions {
  store: GraphStore;
  engine: Engine;
  config: Config;
  /** A built UI (index.html + assets) served at / with SPA fallback; skipped when missing. */
  uiDir?: string;
  /** Where server-side failures are logged (stack traces never reach clients). */
  log?: (line: string) => void;
}

export type App = express.Express & { locals: { queue: IngestQueue } };

/** The HTTP app without listening: JSON API under /api, optional static UI, one error handler. */
export function createApp({ store, engine, config, uiDir, log = (line) => console.error(line) }: CreateAppOptions): App {
  const watcher = new StoreWatcher(store, engine, log);
  // Uploaded files are ingested in a worker process with a time and memory budget, never on this thread.
  const worker = new IngestWorker(config, log);
  const queue = new IngestQueue({
    worker, engine: { refresh: () => watcher.sync() }, dataDir: config.dataDir, maxFileBytes: config.maxFileBytes, log,
    jobs: store.backend === 'neo4j' ? jobStoreFor(store) : undefined, // shared with the other servers
  });
  const ctx: ApiContext = { store, engine, config, queue, watcher, log };
  const app = express() as App;
  app.locals.queue = queue;
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(securityHeaders());

  const api = express.Router();
  // Before any body is parsed or saved: another site's page cannot upload, delete or export.
  api.use(sameOriginOnly());
  api.use(express.json({ limit: JSON_BODY_LIMIT }));
  const searchLimit = searchLimiter(config.rateLimits.search);
  api.use(metaRoutes(ctx));
  // Another process (the ingest CLI) may have changed the store: one indexed read per request tells.
  api.use(watcher.middleware());
  api.use(searchRoutes(ctx, searchLimit));
  api.use(entityRoutes(ctx));
  api.use(uploadRoutes(ctx, uploadLimiter(config.rateLimits.upload)));
  api.use(documentRoutes(ctx));
  api.use(exportRoutes(ctx));
  api.use(apiNotFound);
  app.use('/api', api);

  if (uiDir && fs.existsSync(path.join(uiDir, 'index.html'))) {
    app.use(express.static(uiDir, { index: 'index.html', maxAge: '1h' }));
    app.get(/^(?!\/api(?:\/|$)).*/, (_req, res) => res.sendFile(path.join(uiDir, 'index.html')));
  }
  app.use(errorHandler(config.maxFileBytes, log));
  return app;
}
