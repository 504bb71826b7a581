import type { NextFunction, Request, Response } from 'express';

const WRITES = new Set(['POST', 'PUT', 'PATCH']);

/**
 * A request that sends a body must send JSON (or a multipart upload, for file imports): anything else would be
 * read as no body at all and acted on with defaults. 415 says what to send instead.
 */
export function requireJsonBodies(req: Request, res: Response, next: NextFunction): void {
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (
    !WRITES.has(req.method) ||
    !hasBody ||
    /^application\/([\w.+-]+\+)?json\b/.test(type) ||
    type.startsWith('multipart/form-data')
  ) {
    next();
    return;
  }
  res.status(415).json({
    error: 'UNSUPPORTED_MEDIA_TYPE',
    message: `send the body as JSON with Content-Type: application/json (it was ${type || 'not declared'})`,
    details: [],
  });
}

// C0 controls and DEL, except tab, line feed and carriage return (notes and memos may have several lines).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function findControlCharacter(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return CONTROL.test(value) ? path || '(body)' : undefined;
  if (value === null || typeof value !== 'object' || depth > 20) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = findControlCharacter(item, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The path with each segment decoded (a segment with malformed escapes stays as it is; Express answers those). */
function decodedPath(req: Request): string {
  return req.path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

/**
 * Refuses control characters in the path, the query and any string of a JSON body: PostgreSQL cannot store or
 * even compare NUL (a lookup by a code with NUL in it was a 500), and escape sequences in a name would be replayed
 * to every screen and log that shows it.
 */
export function rejectControlCharacters(req: Request, res: Response, next: NextFunction): void {
  const field = CONTROL.test(decodedPath(req))
    ? 'path'
    : (findControlCharacter(Object.keys(req.query ?? {}), 'query') ??
      findControlCharacter(req.query, 'query') ??
      findControlCharacter(req.body, ''));
  if (!field) {
    next();
    return;
  }
  res.status(400).json({
    error: 'CONTROL_CHARACTER',
    message: `${field} contains a control character (such as NUL or ESC); remove it and send the request again`,
    details: [{ field, code: 'CONTROL_CHARACTER', message: 'control characters are not allowed' }],
  });
}
