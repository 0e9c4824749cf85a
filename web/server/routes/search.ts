import { Router } from 'express';
import { AppError } from '../../../graph/errors.js';
import { COMPARE_SEPARATOR, compareQuery, searchQuery } from '../api/schemas.js';
import type { ApiContext } from '../api/context.js';
import { parseInput } from '../http/validate.js';
import { CitationLocator } from '../citations/CitationLocator.js';
import type { RateLimitRequestHandler } from 'express-rate-limit';

/** GET /search (question → Answer) and GET /compare (2–4 ids → table). */
export function searchRoutes({ store, engine }: ApiContext, limiter: RateLimitRequestHandler): Router {
  const router = Router();
  // Citations leave with the document's title and their page or section, for readers.
  const locator = new CitationLocator(store);

  router.get('/search', limiter, async (req, res) => {
    const query = parseInput(searchQuery, req.query);
    if (query.region && !(await store.getEntity(query.region))) {
      throw new AppError('ENTITY_NOT_FOUND', `region: no entity with id ${query.region}`, { id: query.region });
    }
    if (query.doc && !(await store.hasDocument(query.doc))) {
      throw new AppError('DOCUMENT_NOT_FOUND', `doc: no document with id ${query.doc}`, { id: query.doc });
    }
    const answer = await engine.answer(query.q, {
      mode: query.mode,
      filters: { regionId: query.region, level: query.level, docId: query.doc },
    });
    res.json(await locator.decorate(answer));
  });

  router.get('/compare', limiter, async (req, res) => {
    const query = parseInput(compareQuery, req.query);
    const ids = [...new Set(query.ids.split(COMPARE_SEPARATOR).map((s) => s.trim()).filter(Boolean))];
    if (ids.length < 2) throw new AppError('BAD_REQUEST', 'ids: give 2 to 4 different entity ids');
    const topic = (query.topic ?? '').split(/[\s,，、]+/).filter(Boolean);
    res.json(await locator.decorate(await engine.compare(ids, topic)));
  });

  return router;
}
