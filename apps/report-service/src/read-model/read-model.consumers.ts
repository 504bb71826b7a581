import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { alertEvents, assessmentEvents, Topics } from '@wage/contracts';
import {
  AppConsumers,
  EventConsumer,
  KafkaClient,
  LOGGER,
  PlatformMetrics,
  type Logger,
} from '@wage/platform';
import { SCHEMA } from '../schema';
import { projectAlertEvents } from './alert-events.projection';
import { projectAssessmentEvents } from './assessment-events.projection';

/**
 * Coverage comes from the rules engine's monthly assessments and arrears from its alert lifecycle events. The
 * project, roster and account topics are not read: the assessment already carries the engine's verdict on them,
 * and recomputing it here would be a second implementation of the rules that could disagree with the first.
 * Each batch is applied in one transaction with the record of its event ids, so a redelivery changes nothing.
 */
@Injectable()
export class ReadModelConsumers extends AppConsumers {
  protected readonly consumers: { start(): Promise<void>; stop(): Promise<void> }[];

  constructor(
    dataSource: DataSource,
    kafka: KafkaClient,
    metrics: PlatformMetrics,
    @Inject(LOGGER) logger: Logger,
  ) {
    super();
    const common = { dataSource, kafka, metrics, logger, schema: SCHEMA };
    this.consumers = [
      new EventConsumer({
        ...common,
        name: 'report-service.assessment',
        topic: Topics.assessment,
        contracts: assessmentEvents,
        handle: projectAssessmentEvents,
      }),
      new EventConsumer({
        ...common,
        name: 'report-service.alert',
        topic: Topics.alert,
        contracts: alertEvents,
        handle: projectAlertEvents,
      }),
    ];
  }
}
