import type { IncomingMessage } from 'node:http';
import { secretsEqual } from '../auth/api-keys';
import { ApiError } from '../http/api-error';

/**
 * Whether a request carries the metrics token (`Authorization: Bearer <METRICS_TOKEN>`). Metrics and detailed
 * health name routes, topics, versions and internal addresses: only the scraper and operators hold the token.
 */
export function hasMetricsToken(req: IncomingMessage, metricsToken: string | undefined): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return metricsToken !== undefined && match !== null && secretsEqual(match[1], metricsToken);
}

/** Refuses a request without the metrics token, saying how to get in when none is configured. */
export function requireMetricsToken(req: IncomingMessage, metricsToken: string | undefined): void {
  if (metricsToken === undefined)
    throw ApiError.forbidden('metrics are off on this service: set METRICS_TOKEN and scrape with it');
  if (!hasMetricsToken(req, metricsToken))
    throw ApiError.unauthorized('metrics need Authorization: Bearer <METRICS_TOKEN>');
}
