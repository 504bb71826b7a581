import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Topics, alertEvents, enforcementEvents } from '@wage/contracts';
import {
  AppConsumers,
  EventConsumer,
  KafkaClient,
  LOGGER,
  PlatformMetrics,
  type Logger,
} from '@wage/platform';
import { SCHEMA } from '../schema';
import { ApplyAlertEventsUseCase } from './use-cases/apply-alert-events/apply-alert-events.use-case';
import { ApplyEnforcementEventsUseCase } from './use-cases/apply-enforcement-events/apply-enforcement-events.use-case';

/**
 * Consumes `wage.alert.events.v1`; redeliveries are skipped by event id (in the same transaction as the cases). The
 * topic also carries this service's own AlertDismissed: understood, so it is not dead-lettered, and skipped.
 * Consumes `wage.enforcement.events.v1` too: the cases opened from alerts and their closure, shown on the alert.
 */
@Injectable()
export class AlertsConsumer extends AppConsumers {
  protected readonly consumers: { start(): Promise<void>; stop(): Promise<void> }[];

  constructor(
    dataSource: DataSource,
    kafka: KafkaClient,
    metrics: PlatformMetrics,
    @Inject(LOGGER) logger: Logger,
    alerts: ApplyAlertEventsUseCase,
    enforcement: ApplyEnforcementEventsUseCase,
  ) {
    super();
    const common = { dataSource, schema: SCHEMA, kafka, logger, metrics };
    this.consumers = [
      new EventConsumer({
        ...common,
        name: 'alert-service.alerts',
        topic: Topics.alert,
        contracts: alertEvents,
        handle: (events, manager) => alerts.execute(manager, events),
      }),
      new EventConsumer({
        ...common,
        name: 'alert-service.enforcement',
        topic: Topics.enforcement,
        contracts: enforcementEvents,
        handle: (events, manager) => enforcement.execute(manager, events),
      }),
    ];
  }
}
