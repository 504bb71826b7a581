import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { KafkaClient } from './kafka-client';
import { OutboxRelay } from './outbox-relay';
import { PlatformMetrics } from '../metrics/platform-metrics';
import { LOGGER, SERVICE_DEFINITION } from '../tokens';
import type { ServiceDefinition } from '../service-definition';

/** Runs the outbox relay for the life of the app; on shutdown it finishes its pass before connections close. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly relay: OutboxRelay;

  constructor(
    dataSource: DataSource,
    kafka: KafkaClient,
    metrics: PlatformMetrics,
    @Inject(LOGGER) logger: Logger,
    @Inject(SERVICE_DEFINITION) service: ServiceDefinition,
  ) {
    this.relay = new OutboxRelay({ dataSource, kafka, metrics, logger, schema: service.database!.schema });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
