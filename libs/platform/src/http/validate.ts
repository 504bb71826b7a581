import type { z } from 'zod';
import { ApiError } from './api-error';

/** Parses a request body, query or params against a schema; a mismatch is a 400 listing every problem. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, what = 'request body'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw ApiError.badRequest(
    `the ${what} is invalid: ${result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    result.error.issues.map((i) => ({ field: i.path.join('.'), code: i.code, message: i.message })),
  );
}
