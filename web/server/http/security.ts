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

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * State-changing requests (upload, delete, export) must come from this server's own pages: a
 * browser names the page's origin in Origin and Sec-Fetch-Site, and another site's page cannot
 * forge either. Requests without them (curl, scripts) are not cross-site and pass.
 */
export function sameOriginOnly(): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.get('sec-fetch-site');
    const origin = req.get('origin');
    if (site === 'cross-site' || site === 'same-site' || (origin !== undefined && !sameHost(origin, req.get('host')))) {
      return next(new HttpError('FORBIDDEN_ORIGIN'));
    }
    next();
  };
}

function sameHost(origin: string, host: string | undefined): boolean {
  if (origin === 'null' || host === undefined) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
