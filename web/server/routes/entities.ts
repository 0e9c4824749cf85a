import { Router } from 'express';
import { AppError } from '../../../graph/errors.js';
import type { EntityQuery } from '../../../graph/GraphStore.js';
import { entitiesQuery, graphQuery, idParams } from '../api/schemas.js';
import type { ApiContext } from '../api/context.js';
import { entityDetail } from '../entities/entityDetail.js';
import { parseInput } from '../http/validate.js';
import { CitationLocator } from '../citations/CitationLocator.js';
import { rankByName } from '../entities/rankByName.js';

/** Name searches are ranked over at most this many matches (the store filters, the ranking orders). */
const RANKED_MATCHES = 2000;

const notFound = (id: string) => new AppError('ENTITY_NOT_FOUND', `Entity not found: ${id}`, { id });

/** GET /entities (filtered, paged), /entities/:id (detail with evidence), /entities/:id/graph. */
export function entityRoutes({ store }: ApiContext): Router {
  const router = Router();
  const locator = new CitationLocator(store);

  router.get('/entities', async (req, res) => {
    const query = parseInput(entitiesQuery, req.query);
    const filter: EntityQuery = { type: query.type, level: query.level, nameContains: query.q };
    if (query.q) {
      const matches = await store.findEntities({ ...filter, limit: RANKED_MATCHES, offset: 0 });
      const total = matches.length < RANKED_MATCHES ? matches.length : await store.countEntities(filter);
      res.json({ total, items: rankByName(matches, query.q).slice(query.offset, query.offset + query.limit) });
      return;
    }
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
    res.json(await locator.decorate(detail));
  });

  router.get('/entities/:id/graph', async (req, res) => {
    const { id } = parseInput(idParams, req.params, 'path');
    const query = parseInput(graphQuery, req.query);
    if (!(await store.getEntity(id))) throw notFound(id);
    res.json(await store.neighbourhood(id, { depth: query.depth as 1 | 2, limit: query.limit }));
  });

  return router;
}
