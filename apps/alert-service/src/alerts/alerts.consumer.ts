import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AlertCleared, AlertRaised, AlertSuppressed, AlertUpdated, Topics } from '@wage/contracts';
import { EventConsumer, KafkaClient, LOGGER, PlatformMetrics, type Logger } from '@wage/platform';
import { SCHEMA } from '../schema';
import { ApplyAlertEventsUseCase } from './use-cases/apply-alert-events/apply-alert-events.use-case';

const ALERT_CONTRACTS = [AlertRaised, AlertUpdated, AlertCleared, AlertSuppressed] as const;

/** Consumes `wage.alert.events.v1`; redeliveries are skipped by event id (in the same transaction as the cases). */
@Injectable()
export class AlertsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: EventConsumer<typeof ALERT_CONTRACTS>;

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
      contracts: ALERT_CONTRACTS,
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
