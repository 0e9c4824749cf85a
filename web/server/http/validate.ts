import type { z } from 'zod';
import { AppError } from '../../../graph/errors.js';

/**
 * Validates one request part; a failure is BAD_REQUEST whose message names the field(s),
 * e.g. `limit: Too big: expected number to be <=200`.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, part = 'query'): z.infer<S> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.map(String).join('.') : part;
    return { field, message: issue.message };
  });
  throw new AppError('BAD_REQUEST', problems.map((p) => `${p.field}: ${p.message}`).join('; '), { problems });
}
