import type { RequestHandler } from 'express';
import { rateLimit, type RateLimitRequestHandler } from 'express-rate-limit';
import helmet from 'helmet';
import { HttpError } from './errors.js';

/** Largest JSON body accepted (export requests carry answers and tables). */
export const JSON_BODY_LIMIT = '1mb';


export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        // The graph view may draw on canvas from blob: images; everything else stays same-origin.
        'img-src': ["'self'", 'data:', 'blob:'],
        // Served over plain HTTP on a LAN too: upgrading asset requests to https would break the UI.
        'upgrade-insecure-requests': null,
      },
    },
  });
}

function limiter(perMinute: number, what: string): RateLimitRequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new HttpError('RATE_LIMITED', `Too many ${what} requests: at most ${perMinute} a minute`)),
  });
}

/** Per client IP and minute, from config (SEARCH_RATE_PER_MIN, UPLOAD_RATE_PER_MIN). */
export const searchLimiter = (perMinute: number) => limiter(perMinute, 'search');
export const uploadLimiter = (perMinute: number) => limiter(perMinute, 'upload');
