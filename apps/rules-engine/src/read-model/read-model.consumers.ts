import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  accountEvents,
  alertEvents,
  enforcementEvents,
  projectEvents,
  rosterEvents,
  Topics,
} from '@wage/contracts';
import {
  AppConsumers,
  Clock,
  EventConsumer,
  KafkaClient,
  LOGGER,
  PlatformMetrics,
  type Logger,
} from '@wage/platform';
import { SCHEMA } from '../schema';
import { projectAccountEvents } from './account-events.projection';
import { projectAlertDismissals } from './alert-dismissals.projection';
import { projectEnforcementEvents } from './enforcement-events.projection';
import { projectProjectEvents } from './project-events.projection';
import { projectRosterEvents } from './roster-events.projection';
import { EvaluationWorker } from '../evaluation/evaluation.worker';

/**
 * One consumer group per topic; several instances share the partitions. Each batch is applied in one
 * transaction with the record of the event ids, so a redelivery changes nothing.
 */
@Injectable()
export class ReadModelConsumers extends AppConsumers {
  protected readonly consumers: {
    start(): Promise<void>;
    stop(): Promise<void>;
    readonly subscription: { group: string; topic: string };
  }[];

  constructor(
    dataSource: DataSource,
    kafka: KafkaClient,
    metrics: PlatformMetrics,
    @Inject(LOGGER) logger: Logger,
    worker: EvaluationWorker,
    clock: Clock,
  ) {
    super();
    const common = { dataSource, kafka, metrics, logger, clock, schema: SCHEMA };
    this.consumers = [
      new EventConsumer({
        ...common,
        name: 'rules-engine.project',
        topic: Topics.project,
        contracts: projectEvents,
        handle: projectProjectEvents,
      }),
      new EventConsumer({
        ...common,
        name: 'rules-engine.roster',
        topic: Topics.roster,
        contracts: rosterEvents,
        handle: async (events, manager) => {
          await projectRosterEvents(events, manager);
          worker.wakeSoon();
        },
      }),
      new EventConsumer({
        ...common,
        name: 'rules-engine.account',
        topic: Topics.account,
        contracts: accountEvents,
        handle: async (events, manager) => {
          await projectAccountEvents(events, manager, clock.now());
          worker.wakeSoon();
        },
      }),
      // Only alert-service's AlertDismissed matters here: the other alert events are the engine's own.
      new EventConsumer({
        ...common,
        name: 'rules-engine.alert',
        topic: Topics.alert,
        contracts: alertEvents,
        handle: projectAlertDismissals,
      }),
      // Findings, grades and listings of employers: the deposit adjustment follows them.
      new EventConsumer({
        ...common,
        name: 'rules-engine.enforcement',
        topic: Topics.enforcement,
        contracts: enforcementEvents,
        handle: async (events, manager) => {
          await projectEnforcementEvents(events, manager, clock.now());
          worker.wakeSoon();
        },
      }),
    ];
  }

  /** Each consumer's group and topic, for the barrier that waits until the read model has caught up. */
  subscriptions(): { group: string; topic: string }[] {
    return this.consumers.map((consumer) => consumer.subscription);
  }
}
