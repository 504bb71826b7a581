import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { REQUEST_ID_HEADER, requestIdFrom, runWithRequestContext } from './request-context';

/**
 * Gives each request an id (the caller's `X-Request-Id` when it sends a sane one), echoes it in the answer,
 * runs the request inside that context so every log line carries it, and logs one line when the answer is sent.
 */
export function httpLoggingMiddleware(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const started = process.hrtime.bigint();
    runWithRequestContext({ requestId }, () => {
      res.on('finish', () => {
        const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
        if (req.originalUrl === '/health' || req.originalUrl === '/metrics') return;
        const level = res.statusCode >= 500 ? 'error' : 'info';
        logger[level](
          {
            method: req.method,
            url: req.originalUrl,
            status: res.statusCode,
            durationMs: Math.round(durationMs),
          },
          'request completed',
        );
      });
      next();
    });
  };
}
