import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import {
  ProjectGridChanged,
  ProjectRegistered,
  ProjectStatusChanged,
  Topics,
  type ProjectStatus,
} from '@wage/contracts';
import { EventConsumer } from '../kafka/event-consumer';
import { KafkaClient } from '../kafka/kafka-client';
import { PlatformMetrics } from '../metrics/platform-metrics';
import { LOGGER } from '../tokens';

/**
 * Services other than roster-service keep a copy of the projects — code, region, status and the hash of the
 * project key — learnt from `wage.project.events.v1`, so that a project key works there and region scoping needs
 * no call to roster-service. The service's own migration creates `<schema>.projects` (code, region_code,
 * api_key_hash, status, updated_at).
 */
export interface KnownProjectsSettings {
  schema: string;
  /** The consumer group, e.g. 'alert-service.projects'. */
  consumerName: string;
  /**
   * Also keep the contractor's (施工总承包单位) credit code from ProjectRegistered, in a `contractor_credit_code`
   * column the service's own migration adds (alert-service: an alert links to its employer's record).
   */
  keepContractorCreditCode?: boolean;
}

export interface KnownProject {
  code: string;
  regionCode: string;
  status: ProjectStatus;
}

const SETTINGS = Symbol('KNOWN_PROJECTS_SETTINGS');
// A grid change is understood (not dead-lettered) and needs nothing here: known projects keep region and status.
const PROJECT_CONTRACTS = [ProjectRegistered, ProjectStatusChanged, ProjectGridChanged] as const;

@Injectable()
export class KnownProjects {
  constructor(
    protected readonly dataSource: DataSource,
    @Inject(SETTINGS) private readonly settings: KnownProjectsSettings,
  ) {}

  async find(
    code: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<KnownProject | undefined> {
    const [row] = await manager.query(
      `SELECT code, region_code AS "regionCode", status FROM "${this.settings.schema}".projects WHERE code = $1`,
      [code],
    );
    return row;
  }

  async findCodeByKeyHash(keyHash: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT code FROM "${this.settings.schema}".projects WHERE api_key_hash = $1`,
      [keyHash],
    );
    return row?.code;
  }

  /** A redelivered or repeated registration leaves the row as the latest event says. */
  async upsertRegistered(manager: EntityManager, project: ProjectRegistered): Promise<void> {
    if (this.settings.keepContractorCreditCode) {
      await manager.query(
        `INSERT INTO "${this.settings.schema}".projects (code, region_code, api_key_hash, status, contractor_credit_code)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (code) DO UPDATE SET region_code = EXCLUDED.region_code, api_key_hash = EXCLUDED.api_key_hash,
           status = EXCLUDED.status, contractor_credit_code = EXCLUDED.contractor_credit_code, updated_at = now()`,
        [project.code, project.regionCode, project.apiKeyHash, project.status, project.contractor.creditCode],
      );
      return;
    }
    await manager.query(
      `INSERT INTO "${this.settings.schema}".projects (code, region_code, api_key_hash, status)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET region_code = EXCLUDED.region_code, api_key_hash = EXCLUDED.api_key_hash,
         status = EXCLUDED.status, updated_at = now()`,
      [project.code, project.regionCode, project.apiKeyHash, project.status],
    );
  }

  async changeStatus(manager: EntityManager, code: string, status: ProjectStatus): Promise<void> {
    await manager.query(
      `UPDATE "${this.settings.schema}".projects SET status = $2, updated_at = now() WHERE code = $1`,
      [code, status],
    );
  }
}

/** Keeps the copy up to date for the life of the app. */
@Injectable()
class KnownProjectsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: EventConsumer<typeof PROJECT_CONTRACTS>;

  constructor(
    dataSource: DataSource,
    kafka: KafkaClient,
    metrics: PlatformMetrics,
    @Inject(LOGGER) logger: Logger,
    @Inject(SETTINGS) settings: KnownProjectsSettings,
    projects: KnownProjects,
  ) {
    this.consumer = new EventConsumer({
      name: settings.consumerName,
      topic: Topics.project,
      contracts: PROJECT_CONTRACTS,
      dataSource,
      schema: settings.schema,
      kafka,
      logger,
      metrics,
      handle: async (events, manager) => {
        // In partition order, one by one: a status change must follow its project's registration.
        for (const event of events) {
          if (event.type === 'ProjectRegistered') await projects.upsertRegistered(manager, event.data);
          else if (event.type === 'ProjectStatusChanged')
            await projects.changeStatus(manager, event.data.code, event.data.status);
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

@Module({})
export class KnownProjectsModule {
  static forRoot(settings: KnownProjectsSettings): DynamicModule {
    return {
      module: KnownProjectsModule,
      providers: [{ provide: SETTINGS, useValue: settings }, KnownProjects, KnownProjectsConsumer],
      exports: [KnownProjects, SETTINGS],
    };
  }
}
