import type { NextFunction, Request, Response } from 'express';
import { API_PREFIX } from '../routing/routes';

const CONTENT_TYPE = Symbol('gateway:content-type');

type StashedRequest = Request & { [CONTENT_TYPE]?: string };

/**
 * The platform installs a JSON body parser for every service; a gateway must pass bodies on untouched (byte for
 * byte, streamed, whatever their size). Registered before that parser, this hides the content type of /api/v1
 * requests from it — a parser reads only the types it knows — and the proxy restores it when forwarding.
 */
export function hideBodyFromParsers(req: Request, _res: Response, next: NextFunction): void {
  if (req.url.startsWith(`${API_PREFIX}/`) && req.headers['content-type'] !== undefined) {
    (req as StashedRequest)[CONTENT_TYPE] = req.headers['content-type'];
    delete req.headers['content-type'];
  }
  next();
}

export function originalContentType(req: Request): string | undefined {
  return (req as StashedRequest)[CONTENT_TYPE] ?? req.headers['content-type'];
}
