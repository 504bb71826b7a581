import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Topics, alertEvents } from '@wage/contracts';
import { EventConsumer, KafkaClient, LOGGER, PlatformMetrics, type Logger } from '@wage/platform';
import { SCHEMA } from '../schema';
import { ApplyAlertEventsUseCase } from './use-cases/apply-alert-events/apply-alert-events.use-case';

/**
 * Consumes `wage.alert.events.v1`; redeliveries are skipped by event id (in the same transaction as the cases). The
 * topic also carries this service's own AlertDismissed: understood, so it is not dead-lettered, and skipped.
 */
@Injectable()
export class AlertsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: EventConsumer<typeof alertEvents>;

  constructor(
    dataSource: DataSource,
    kafka: KafkaClient,
    metrics: PlatformMetrics,
    @Inject(LOGGER) logger: Logger,
    apply: ApplyAlertEventsUseCase,
  ) {
    this.consumer = new EventConsumer({
      name: 'alert-service.alerts',
      topic: Topics.alert,
      contracts: alertEvents,
      dataSource,
      schema: SCHEMA,
      kafka,
      logger,
      metrics,
      handle: (events, manager) => apply.execute(manager, events),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }
}
