import { Router } from 'express';
import type { RateLimitRequestHandler } from 'express-rate-limit';
import { AppError } from '../../../graph/errors.js';
import { idParams } from '../api/schemas.js';
import type { ApiContext } from '../api/context.js';
import { HttpError } from '../http/errors.js';
import { parseInput } from '../http/validate.js';
import { clientBaseName, UPLOAD_FIELD, uploadMiddleware } from '../uploads/uploadMiddleware.js';

/** POST /documents (multipart upload → 202 {jobId}) and GET /jobs/:id. */
export function uploadRoutes({ config, queue }: ApiContext, limiter: RateLimitRequestHandler): Router {
  const router = Router();

  router.post('/documents', limiter, uploadMiddleware(config.dataDir, config.maxFileBytes), (req, res) => {
    const file = req.file;
    if (!file) throw new AppError('BAD_REQUEST', `${UPLOAD_FIELD}: required — send multipart/form-data with one file in the field "${UPLOAD_FIELD}"`);
    const job = queue.enqueue(file.path, clientBaseName(file.originalname));
    res.status(202).location(`/api/jobs/${job.id}`).json({ jobId: job.id });
  });

  router.get('/jobs/:id', async (req, res) => {
    const { id } = parseInput(idParams, req.params, 'path');
    // Another server's upload when jobs are shared in Neo4j.
    const job = await queue.lookup(id);
    if (!job) throw new HttpError('NOT_FOUND', `Job not found: ${id}`);
    res.json(job);
  });

  return router;
}
