import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { enforcementEvents, Topics, type VerificationRecorded } from '@wage/contracts';
import {
  AppConsumers,
  Clock,
  EventConsumer,
  KafkaClient,
  LOGGER,
  PlatformMetrics,
  type Logger,
} from '@wage/platform';
import { SCHEMA as S } from '../schema';
import { VerificationRepository } from './verification.repository';

/**
 * Marks requests DONE from the VerificationRecorded events the visits publish, read back from the enforcement
 * topic so that visits and requests stay apart (a visit knows nothing of the request table). Other events of the
 * topic are not this consumer's concern.
 */
@Injectable()
export class VerificationRecordedConsumer extends AppConsumers {
  protected readonly consumers: readonly EventConsumer<typeof enforcementEvents>[];

  constructor(
    dataSource: DataSource,
    kafka: KafkaClient,
    metrics: PlatformMetrics,
    @Inject(LOGGER) logger: Logger,
    verifications: VerificationRepository,
    clock: Clock,
  ) {
    super();
    this.consumers = [
      new EventConsumer({
        name: 'enforcement-service.verifications',
        topic: Topics.enforcement,
        contracts: enforcementEvents,
        dataSource,
        schema: S,
        kafka,
        logger,
        metrics,
        handle: async (events, manager) => {
          const recorded = events
            .filter((event) => event.type === 'VerificationRecorded')
            .map((event) => event.data as VerificationRecorded);
          await verifications.recordVerifications(manager, recorded, clock.now());
        },
      }),
    ];
  }
}
