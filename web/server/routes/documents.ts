import fs from 'node:fs/promises';
import path from 'node:path';
import { Router } from 'express';
import { displayPath } from '../../../graph/displayPath.js';
import { AppError } from '../../../graph/errors.js';
import { idParams } from '../api/schemas.js';
import type { ApiContext } from '../api/context.js';
import { parseInput } from '../http/validate.js';
import { uploadsDir } from '../uploads/uploadMiddleware.js';

const notFound = (id: string) => new AppError('DOCUMENT_NOT_FOUND', `Document not found: ${id}`, { id });

/** GET /documents, GET /documents/:id (text, structure, mentions), DELETE /documents/:id. */
export function documentRoutes({ store, config, queue, watcher }: ApiContext): Router {
  const router = Router();

  router.get('/documents', async (_req, res) => {
    res.json((await store.listDocuments()).map((d) => ({ ...d, path: displayPath(d.path) })));
  });

  router.get('/documents/:id', async (req, res) => {
    const { id } = parseInput(idParams, req.params, 'path');
    const document = await store.getDocument(id);
    if (!document) throw notFound(id);
    const [articles, passages, mentions] = await Promise.all([
      store.getArticles(id),
      store.passagesOf(id),
      store.documentMentions(id),
    ]);
    const { text, title, format, encoding, ingestedAt } = document;
    res.json({
      document: { id, title, path: displayPath(document.path), format, encoding, ingestedAt, text },
      articles,
      passages: passages.map((p) => ({ id: p.id, articleId: p.articleId, index: p.index, start: p.start, end: p.end, breadcrumb: p.breadcrumb })),
      mentions,
    });
  });

  router.delete('/documents/:id', async (req, res) => {
    const { id } = parseInput(idParams, req.params, 'path');
    const outcome = await queue.runExclusive(async () => {
      const document = await store.getDocument(id);
      if (!document) return null;
      const deleted = await store.deleteDocument(id);
      if (!deleted) return null;
      await removeUploadedCopy(config.dataDir, document.path);
      await watcher.sync();
      return deleted;
    });
    if (!outcome) throw notFound(id);
    res.json(outcome);
  });

  return router;
}

/** A file this server saved for an upload is removed with its document; nothing outside uploads/ is touched. */
async function removeUploadedCopy(dataDir: string, documentPath: string): Promise<void> {
  const dir = path.resolve(uploadsDir(dataDir));
  const file = path.resolve(dataDir, documentPath);
  if (path.dirname(file) === dir) await fs.rm(file, { force: true });
}
