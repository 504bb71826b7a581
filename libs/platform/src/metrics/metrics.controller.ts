import { Public } from '../auth/auth.guard';
import { Controller, Get, Header } from '@nestjs/common';
import { PlatformMetrics } from './platform-metrics';

@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: PlatformMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
