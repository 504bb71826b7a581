import type { NextFunction, Request, Response } from 'express';

/**
 * EventSource cannot send headers, so the stream (and only the stream) also takes the access token as
 * `?access_token=`; it becomes the Authorization header the platform's guard checks as usual.
 */
export function streamTokenMiddleware(req: Request, _res: Response, next: NextFunction): void {
  const token = req.query.access_token;
  if (!req.headers.authorization && typeof token === 'string' && token.length > 0) {
    req.headers.authorization = `Bearer ${token}`;
  }
  next();
}
