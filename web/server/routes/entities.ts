import { Router } from 'express';
import { AppError } from '../../../graph/errors.js';
import type { EntityQuery } from '../../../graph/GraphStore.js';
import { entitiesQuery, graphQuery, idParams } from '../api/schemas.js';
import type { ApiContext } from '../api/context.js';
import { entityDetail } from '../entities/entityDetail.js';
import { parseInput } from '../http/validate.js';

const notFound = (id: string) => new AppError('ENTITY_NOT_FOUND', `Entity not found: ${id}`, { id });

/** GET /entities (filtered, paged), /entities/:id (detail with evidence), /entities/:id/graph. */
export function entityRoutes({ store }: ApiContext): Router {
  const router = Router();

  router.get('/entities', async (req, res) => {
    const query = parseInput(entitiesQuery, req.query);
    const filter: EntityQuery = { type: query.type, level: query.level, nameContains: query.q };
    const [total, items] = await Promise.all([
      store.countEntities(filter),
      store.findEntities({ ...filter, limit: query.limit, offset: query.offset }),
    ]);
    res.json({ total, items });
  });

  router.get('/entities/:id', async (req, res) => {
    const { id } = parseInput(idParams, req.params, 'path');
    const detail = await entityDetail(store, id);
    if (!detail) throw notFound(id);
    res.json(detail);
  });

  router.get('/entities/:id/graph', async (req, res) => {
    const { id } = parseInput(idParams, req.params, 'path');
    const query = parseInput(graphQuery, req.query);
    if (!(await store.getEntity(id))) throw notFound(id);
    res.json(await store.neighbourhood(id, { depth: query.depth as 1 | 2, limit: query.limit }));
  });

  return router;
}
