import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProjectRegistered, ProjectStatusChanged, Topics } from '@wage/contracts';
import { EventConsumer, KafkaClient, LOGGER, PlatformMetrics, type Logger } from '@wage/platform';
import { SCHEMA } from '../schema';
import { ProjectDirectory } from './project-directory';

const PROJECT_CONTRACTS = [ProjectRegistered, ProjectStatusChanged] as const;

/** Learns projects from `wage.project.events.v1`, so that a project key works here without asking roster-service. */
@Injectable()
export class ProjectsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: EventConsumer<typeof PROJECT_CONTRACTS>;

  constructor(
    dataSource: DataSource,
    kafka: KafkaClient,
    metrics: PlatformMetrics,
    @Inject(LOGGER) logger: Logger,
    projects: ProjectDirectory,
  ) {
    this.consumer = new EventConsumer({
      name: 'alert-service.projects',
      topic: Topics.project,
      contracts: PROJECT_CONTRACTS,
      dataSource,
      schema: SCHEMA,
      kafka,
      logger,
      metrics,
      handle: async (events, manager) => {
        // In partition order: a status change follows its project's registration.
        for (const event of events) {
          if (event.type === 'ProjectRegistered') await projects.upsertRegistered(manager, event.data);
          else await projects.changeStatus(manager, event.data.code, event.data.status);
        }
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }
}
