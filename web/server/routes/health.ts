import { Router } from 'express';
import type { ApiContext } from '../api/context.js';
import { buildOpenApiDocument } from '../openapi.js';
import { withoutPaths } from '../http/withoutPaths.js';
import type { VectorStatus } from '../../../search/indexes/VectorSync.js';

/** GET /health and GET /openapi.json. */
export function metaRoutes({ store, engine }: ApiContext): Router {
  const router = Router();
  let openapi: unknown;

  router.get('/health', (_req, res) => {
    // Passage vectors are computed in the background after start and after ingests: progress, no paths.
    const status = 'vectorStatus' in engine && typeof engine.vectorStatus === 'function' ? (engine.vectorStatus() as VectorStatus) : undefined;
    const vectors = status && { state: status.state, embedded: status.embedded, total: status.total };
    res.json({ ok: true, embedder: withoutPaths(engine.embedderReason), backend: store.backend, ...(vectors ? { vectors } : {}) });
  });

  router.get('/openapi.json', (_req, res) => {
    openapi ??= buildOpenApiDocument();
    res.json(openapi);
  });

  return router;
}
