import { Controller, Get, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import { hasMetricsToken, SERVICE_DEFINITION } from '@wage/platform';
import type { GatewayDefinition } from '../config/env';
import { SERVICE_NAMES } from '../routing/routes';

const CHECK_TIMEOUT_MS = 2_000;

interface UpstreamHealth {
  url: string;
  status: 'up' | 'down';
  /** Why it is down: its own /health answer's status, or the connection error. */
  reason?: string;
}

/**
 * `GET /health/upstreams`: each service's own /health. Always 200 — the gateway's /health stays about the gateway
 * alone, so a service being down never takes the entry point out of a load balancer. The public sees only up or
 * down; operators with the metrics token also see each service's internal URL and why it is down.
 */
@Controller('health/upstreams')
export class UpstreamsHealthController {
  constructor(@Inject(SERVICE_DEFINITION) private readonly service: GatewayDefinition) {}

  @Get()
  async check(@Req() req: Request): Promise<{
    status: 'ok' | 'degraded';
    services: Record<string, UpstreamHealth | UpstreamHealth['status']>;
  }> {
    const entries = await Promise.all(
      SERVICE_NAMES.map(async (name) => [name, await probe(this.service.gateway.upstreams[name])] as const),
    );
    const detailed = hasMetricsToken(req, this.service.metricsToken);
    return {
      status: entries.every(([, health]) => health.status === 'up') ? 'ok' : 'degraded',
      services: Object.fromEntries(
        entries.map(([name, health]) => [name, detailed ? health : health.status]),
      ),
    };
  }
}

async function probe(url: string): Promise<UpstreamHealth> {
  try {
    const answer = await fetch(`${url}/health`, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
    await answer.body?.cancel();
    return answer.ok
      ? { url, status: 'up' }
      : { url, status: 'down', reason: `/health answered ${answer.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { url, status: 'down', reason: cause ?? (error as Error).message };
  }
}
