import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Topics, enforcementEvents } from '@wage/contracts';
import { EventConsumer, KafkaClient, LOGGER, PlatformMetrics, type Logger } from '@wage/platform';
import { SCHEMA } from '../schema';
import { ApplyEnforcementEventsUseCase } from './use-cases/apply-enforcement-events/apply-enforcement-events.use-case';

/** Consumes `wage.enforcement.events.v1`: the cases opened from alerts and their closure, shown on the alert. */
@Injectable()
export class EnforcementConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: EventConsumer<typeof enforcementEvents>;

  constructor(
    dataSource: DataSource,
    kafka: KafkaClient,
    metrics: PlatformMetrics,
    @Inject(LOGGER) logger: Logger,
    apply: ApplyEnforcementEventsUseCase,
  ) {
    this.consumer = new EventConsumer({
      name: 'alert-service.enforcement',
      topic: Topics.enforcement,
      contracts: enforcementEvents,
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
