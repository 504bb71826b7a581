import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { ApiExceptionFilter } from './api-exception.filter';
import { limitPublicBodies } from './public-body-limit';
import { rejectControlCharacters, requireJsonBodies } from './request-checks';
import { createLogger } from '../logging/logger';
import { NestPinoLogger } from '../logging/nest-logger';
import { httpLoggingMiddleware } from '../logging/http-logging.middleware';
import { PlatformMetrics } from '../metrics/platform-metrics';
import { buildOpenApiDocument, OPENAPI_PATH } from '../openapi/openapi-document';
import type { ServiceDefinition } from '../service-definition';

export interface RunServiceOptions {
  /** Largest request body accepted (a 10,000-row batch fits in the default). */
  bodyLimit?: string;
  /** Where log lines go (tests capture them); stdout by default. */
  logger?: Logger;
  /**
   * Refuse non-JSON bodies (415) and control characters in JSON strings (400). On by default; the gateway, which
   * passes bodies through untouched, turns it off and leaves the checks to the services.
   */
  checkRequestBodies?: boolean;
  /** Serve the service's OpenAPI document at GET /openapi.json. On by default; the gateway merges them instead. */
  openApi?: boolean;
}

/**
 * Builds and starts one service: structured logs with request ids, request metrics, graceful shutdown on SIGTERM
 * and SIGINT (the relay and consumers finish their work before connections close), listening on the service port.
 */
export async function runService(
  service: ServiceDefinition,
  buildModule: (logger: Logger) => DynamicModule,
  options: RunServiceOptions = {},
): Promise<INestApplication> {
  const logger = options.logger ?? createLogger({ service: service.name, level: service.logLevel });
  const app = await NestFactory.create<NestExpressApplication>(buildModule(logger), {
    logger: new NestPinoLogger(logger),
    bodyParser: false,
    forceCloseConnections: true,
  });
  const metrics = app.get(PlatformMetrics);
  app.use(httpLoggingMiddleware(logger));
  app.use((req: Request, res: Response, next: NextFunction) => {
    const stop = metrics.httpRequestDuration.startTimer({ method: req.method });
    res.on('finish', () =>
      stop({ route: (req.route?.path as string | undefined) ?? 'unmatched', status: res.statusCode }),
    );
    next();
  });
  if (options.openApi !== false) {
    // Built once at boot from the controllers' decorators; public like /health, so tools need no token.
    const document = buildOpenApiDocument(app, service.name);
    const http = app.getHttpAdapter();
    http.get(OPENAPI_PATH, (_req: unknown, res: unknown) => http.reply(res, document, 200));
  }
  if (options.checkRequestBodies !== false) app.use(requireJsonBodies);
  // Before the service's parser: an endpoint that needs no token reads only a small body.
  limitPublicBodies(app);
  app.useBodyParser('json', { limit: options.bodyLimit ?? '20mb' });
  if (options.checkRequestBodies !== false) app.use(rejectControlCharacters);
  app.useGlobalFilters(new ApiExceptionFilter(logger));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  // Keep idle connections longer than the gateway (30 s) and typical load balancers (60 s) do, so the side that
  // reuses a connection is always the one that closes it first.
  const server = app.getHttpServer() as import('node:http').Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await app.listen(service.port, service.host);
  logger.info({ host: service.host, port: service.port }, `${service.name} listening`);
  return app;
}

/** Runs a service's `main`, turning a startup failure into one clear line and exit code 1. */
export function runMain(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    // A configuration problem is the operator's to fix: say what it is, without a stack trace.
    const configProblem = error instanceof Error && error.name === 'ConfigError';
    console.error(
      error instanceof Error ? (configProblem ? error.message : (error.stack ?? error.message)) : error,
    );
    process.exit(1);
  });
}
