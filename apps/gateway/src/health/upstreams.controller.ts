import { Controller, Get, Inject } from '@nestjs/common';
import { SERVICE_DEFINITION } from '@wage/platform';
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
 * `GET /health/upstreams`: each service's own /health, for operators. Always 200 — the gateway's /health stays
 * about the gateway alone, so a service being down never takes the entry point out of a load balancer.
 */
@Controller('health/upstreams')
export class UpstreamsHealthController {
  constructor(@Inject(SERVICE_DEFINITION) private readonly service: GatewayDefinition) {}

  @Get()
  async check(): Promise<{ status: 'ok' | 'degraded'; services: Record<string, UpstreamHealth> }> {
    const entries = await Promise.all(
      SERVICE_NAMES.map(async (name) => [name, await probe(this.service.gateway.upstreams[name])] as const),
    );
    return {
      status: entries.every(([, health]) => health.status === 'up') ? 'ok' : 'degraded',
      services: Object.fromEntries(entries),
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
