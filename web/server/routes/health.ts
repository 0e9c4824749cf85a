import { Router } from 'express';
import type { ApiContext } from '../api/context.js';
import { buildOpenApiDocument } from '../openapi.js';

/** GET /health and GET /openapi.json. */
export function metaRoutes({ store, engine }: ApiContext): Router {
  const router = Router();
  let openapi: unknown;

  router.get('/health', (_req, res) => {
    res.json({ ok: true, embedder: engine.embedderReason, backend: store.backend });
  });

  router.get('/openapi.json', (_req, res) => {
    openapi ??= buildOpenApiDocument();
    res.json(openapi);
  });

  return router;
}
