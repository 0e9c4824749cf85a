import { Router } from 'express';
import { displayPath } from '../../../graph/displayPath.js';
import { AppError } from '../../../graph/errors.js';
import { allCitations, citationKey, citedDocumentIds, estimateYear, exportFile, type CitedPlace, type DocumentInfo } from '../../export/index.js';
import { CitationLocator } from '../citations/CitationLocator.js';
import { exportBody } from '../api/schemas.js';
import type { ApiContext } from '../api/context.js';
import { parseInput } from '../http/validate.js';

/** A file name from the title: no path or control characters, at most 80 characters. */
function fileName(title: string | undefined, extension: string): string {
  const stem = (title ?? '').replace(/[\u0000-\u001f\u007f\\/:*?"<>|]+/g, ' ').trim().slice(0, 80) || 'practice-atlas';
  return `${stem}.${extension}`;
}

/** POST /export: answers, passages or a table → md, docx, ris, bibtex or csv, as an attachment. */
export function exportRoutes({ store }: ApiContext): Router {
  const router = Router();
  const locator = new CitationLocator(store);

  router.post('/export', async (req, res) => {
    const body = parseInput(exportBody, req.body, 'body');
    const { format, ...input } = body;
    if (!input.summary?.length && !input.answers?.length && !input.passages?.length && !input.table) {
      throw new AppError('BAD_REQUEST', 'body: nothing to export — give summary, answers, passages or table');
    }
    const documents = new Map<string, DocumentInfo>();
    for (const id of citedDocumentIds(input)) {
      const doc = await store.getDocument(id);
      if (doc) documents.set(id, { id, title: doc.title, path: displayPath(doc.path), estimatedYear: estimateYear(doc.text) });
    }
    // Footnotes name the page and section of each span, never its offsets.
    const locations = new Map<string, CitedPlace>();
    for (const c of allCitations(input)) {
      if (locations.has(citationKey(c))) continue;
      const where = await locator.locate(c);
      if (where) locations.set(citationKey(c), { page: where.page, section: where.section });
    }
    const file = await exportFile(format, input, { documents, locations, accessed: new Date().toISOString().slice(0, 10) });
    res.attachment(fileName(input.title ?? input.query, file.extension));
    res.type(file.mimeType);
    res.send(file.body);
  });

  return router;
}
