import type { z } from 'zod';
import { AppError } from '../../../graph/errors.js';

/** `?level=&q=` from a form means "not given": empty query parameters are dropped before validation. */
function withoutEmpty(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== ''));
}

/**
 * Validates one request part; a failure is BAD_REQUEST whose message names the field(s),
 * e.g. `limit: Too big: expected number to be <=200`.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, part: 'query' | 'path' | 'body' = 'query'): z.infer<S> {
  const parsed = schema.safeParse(part === 'query' ? withoutEmpty(value ?? {}) : (value ?? {}));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.map(String).join('.') : part;
    return { field, message: issue.message };
  });
  throw new AppError('BAD_REQUEST', problems.map((p) => `${p.field}: ${p.message}`).join('; '), { problems });
}
