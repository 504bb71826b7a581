import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.guard';
import type { ServiceDefinition } from '../service-definition';
import { SERVICE_DEFINITION } from '../tokens';
import { requireMetricsToken } from './metrics-token';
import { PlatformMetrics } from './platform-metrics';

/** Prometheus metrics, for the scraper only: they need the metrics token, not a user's or an API key. */
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: PlatformMetrics,
    @Inject(SERVICE_DEFINITION) private readonly service: ServiceDefinition,
  ) {}

  @Get()
  scrape(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<string> {
    requireMetricsToken(req, this.service.metricsToken);
    // Set only once admitted: a refusal is the usual JSON error.
    res.setHeader('Content-Type', 'text/plain; version=0.0.4; charset=utf-8');
    return this.metrics.registry.metrics();
  }
}
