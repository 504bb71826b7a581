import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Controller, Get, type Provider } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { ExpressAdapter } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { LOGGER, SERVICE_DEFINITION, type Logger } from '@wage/platform';
import type { GatewayDefinition } from '../config/env';
import { hideBodyFromParsers } from '../proxy/body-parser-bypass';

/**
 * Middleware that must run before the platform's (which runService installs after the module is built): the
 * body-parser bypass, and the built web console as static files when CONSOLE_DIR names a folder. A factory
 * provider runs while Nest builds the module, which is early enough.
 */
export const earlyMiddleware: Provider = {
  provide: 'GATEWAY_EARLY_MIDDLEWARE',
  inject: [HttpAdapterHost, SERVICE_DEFINITION, LOGGER],
  useFactory: (host: HttpAdapterHost, service: GatewayDefinition, logger: Logger) => {
    const adapter = host.httpAdapter as unknown as ExpressAdapter;
    adapter.use(hideBodyFromParsers);
    // Before the console, whose fallback would otherwise answer /worker with its own page.
    const portalDir = service.gateway.workerPortalDir;
    if (portalDir !== undefined) {
      if (existsSync(portalDir)) {
        adapter.use(workerPortalFallback(resolve(portalDir, 'index.html')));
        adapter.useStaticAssets(portalDir, { prefix: WORKER_PORTAL_PATH, index: 'index.html' });
      } else logger.warn({ portalDir }, 'WORKER_PORTAL_DIR does not exist; the workers’ page is not served');
    }
    const consoleDir = service.gateway.consoleDir;
    if (consoleDir !== undefined) {
      if (existsSync(consoleDir)) {
        adapter.useStaticAssets(consoleDir, { index: 'index.html' });
        adapter.use(consoleFallback(resolve(consoleDir, 'index.html')));
      } else logger.warn({ consoleDir }, 'CONSOLE_DIR does not exist; the web console is not served');
    }
    return true;
  },
};

/** Paths the gateway itself answers; everything else a browser asks for as a page is the console's. */
const GATEWAY_PATHS = /^\/(api|health|metrics)(\/|$)/;

/** A page request (GET or HEAD) for a path without a file extension that `isOurs` claims gets `indexHtml`. */
function pageFallback(indexHtml: string, isOurs: (req: Request) => boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const isPage =
      (req.method === 'GET' || req.method === 'HEAD') && !/\.[^/]*$/.test(req.path) && isOurs(req);
    if (isPage) res.sendFile(indexHtml);
    else next();
  };
}

/**
 * A browser opening a console address directly (a bookmark, a reload) gets the console's index.html rather than
 * a 404: only page requests accepting text/html, never the API.
 */
export function consoleFallback(indexHtml: string) {
  return pageFallback(
    indexHtml,
    (req) => (req.headers.accept ?? '').includes('text/html') && !GATEWAY_PATHS.test(req.path),
  );
}

/** Where the workers' page lives (apps/worker-portal, built with base /worker/). */
export const WORKER_PORTAL_PATH = '/worker';

/** `/worker` and its page addresses (no file extension) get the workers' page; its files are served as they are. */
export function workerPortalFallback(indexHtml: string) {
  return pageFallback(
    indexHtml,
    (req) => req.path === WORKER_PORTAL_PATH || req.path.startsWith(`${WORKER_PORTAL_PATH}/`),
  );
}

/** `GET /` when no console is built: where to go instead. */
@Controller()
export class RootController {
  @Get()
  root() {
    return {
      service: 'gateway',
      api: '/api/v1',
      docs: '/api/docs',
      health: '/health',
      upstreams: '/health/upstreams',
      console: 'not served here: build the web console and set CONSOLE_DIR to its output folder',
    };
  }
}
