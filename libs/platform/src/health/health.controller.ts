import { Public } from '../auth/auth.guard';
import {
  Controller,
  Get,
  HttpStatus,
  Inject,
  Optional,
  Res,
  ServiceUnavailableException,
} from '@nestjs/common';
import type { Response } from 'express';
import type { ServiceDefinition } from '../service-definition';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { KafkaClient } from '../kafka/kafka-client';
import { HEALTH_WARNINGS, REDIS, SERVICE_DEFINITION, type HealthWarnings } from '../tokens';

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * `GET /health`: 200 when the process is up and every connection it depends on answers now, 503 naming the one
 * that does not. Load balancers and Kubernetes probes read it. `warnings` lists what an operator must see to
 * without the service being down (a missing official calendar).
 */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: TypeOrmHealthIndicator,
    @Inject(SERVICE_DEFINITION) private readonly service: ServiceDefinition,
    @Optional() private readonly kafka?: KafkaClient,
    @Optional() @Inject(REDIS) private readonly redis?: Redis,
    @Optional() @Inject(HEALTH_WARNINGS) private readonly warnings?: HealthWarnings,
  ) {}

  @Get()
  @HealthCheck()
  async check(@Res({ passthrough: true }) response: Response) {
    const checks: HealthIndicatorFunction[] = [];
    if (this.service.database)
      checks.push(() => this.database.pingCheck('database', { timeout: CHECK_TIMEOUT_MS }));
    if (this.redis) checks.push(() => this.probe('redis', () => this.redis!.ping()));
    if (this.kafka) checks.push(() => this.probe('kafka', () => this.kafka!.ping()));
    try {
      const result = await this.health.check(checks);
      const warnings = this.warnings?.warnings() ?? [];
      return warnings.length > 0 ? { ...result, warnings } : result;
    } catch (error) {
      // Terminus reports a failed check as a 503 whose body names what is down; answer it as it is, rather than
      // let the API's error filter reduce it to the generic error shape.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return error.getResponse();
    }
  }

  private async probe(key: string, ping: () => Promise<unknown>) {
    const indicator = this.indicators.check(key);
    try {
      await withTimeout(ping(), key);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
