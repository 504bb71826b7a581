import { Inject, Injectable, Module } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ProjectGridChanged, ProjectRegistered, projectEvents, Topics } from '@wage/contracts';
import {
  AppConsumers,
  EventConsumer,
  KafkaClient,
  LOGGER,
  PlatformMetrics,
  type Logger,
} from '@wage/platform';
import { SCHEMA } from '../schema';

export interface ProjectParty {
  code: string;
  name: string;
  regionCode: string;
  /** The grid (街道/乡镇 or 社区/村) the site is placed in, when it is. */
  gridCode: string | null;
  /** IN_CONSTRUCTION, SUSPENDED or COMPLETED; null for a project registered before this copy kept it. */
  status: string | null;
  /** 施工总承包单位: the employer a case about the project is against. */
  contractor: { name: string; creditCode: string };
}

/**
 * The projects as their registrations say, for the region a case about a project belongs to and the contractor
 * it is against. The platform's KnownProjects keeps no contractor, so this service keeps its own copy.
 */
@Injectable()
export class ProjectRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(
    code: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProjectParty | undefined> {
    const [row] = await manager.query(
      `SELECT code, name, region_code AS "regionCode", grid_code, status, contractor_name, contractor_credit_code
         FROM "${SCHEMA}".projects WHERE code = $1`,
      [code],
    );
    if (!row) return undefined;
    return {
      code: row.code,
      name: row.name,
      regionCode: row.regionCode,
      gridCode: row.grid_code,
      status: row.status,
      contractor: { name: row.contractor_name, creditCode: row.contractor_credit_code },
    };
  }

  /** A redelivered or repeated registration leaves the row as the latest event says. */
  async upsert(manager: EntityManager, project: ProjectRegistered): Promise<void> {
    await manager.query(
      `INSERT INTO "${SCHEMA}".projects (code, name, region_code, contractor_name, contractor_credit_code,
         grid_code, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code,
         contractor_name = EXCLUDED.contractor_name, contractor_credit_code = EXCLUDED.contractor_credit_code,
         grid_code = EXCLUDED.grid_code, status = EXCLUDED.status, updated_at = now()`,
      [
        project.code,
        project.name,
        project.regionCode,
        project.contractor.name,
        project.contractor.creditCode,
        project.gridCode ?? null,
        project.status,
      ],
    );
  }

  /** A project placed in a grid, moved to another or taken out of any (a verification request goes to its grid). */
  async moveToGrid(manager: EntityManager, change: ProjectGridChanged): Promise<void> {
    await manager.query(
      `UPDATE "${SCHEMA}".projects SET grid_code = $2, region_code = $3, updated_at = now() WHERE code = $1`,
      [change.code, change.gridCode, change.regionCode],
    );
  }

  /** The grid the project is placed in, if any. */
  async gridOf(code: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const [row] = await manager.query(`SELECT grid_code FROM "${SCHEMA}".projects WHERE code = $1`, [code]);
    return row?.grid_code ?? null;
  }

  /** A status change (停工, 竣工, 复工): visit plans list only the projects in construction. */
  async changeStatus(manager: EntityManager, code: string, status: string): Promise<void> {
    await manager.query(`UPDATE "${SCHEMA}".projects SET status = $2, updated_at = now() WHERE code = $1`, [
      code,
      status,
    ]);
  }
}

/** Keeps the copy up to date for the life of the app: registrations, status changes and grid placements. */
@Injectable()
class ProjectRegistrationsConsumer extends AppConsumers {
  protected readonly consumers: readonly EventConsumer<typeof projectEvents>[];

  constructor(
    dataSource: DataSource,
    kafka: KafkaClient,
    metrics: PlatformMetrics,
    @Inject(LOGGER) logger: Logger,
    projects: ProjectRepository,
  ) {
    super();
    this.consumers = [
      new EventConsumer({
        name: 'enforcement-service.projects',
        topic: Topics.project,
        contracts: projectEvents,
        dataSource,
        schema: SCHEMA,
        kafka,
        logger,
        metrics,
        handle: async (events, manager) => {
          for (const event of events) {
            if (event.type === 'ProjectRegistered') await projects.upsert(manager, event.data);
            else if (event.type === 'ProjectStatusChanged')
              await projects.changeStatus(manager, event.data.code, event.data.status);
            else if (event.type === 'ProjectGridChanged') await projects.moveToGrid(manager, event.data);
          }
        },
      }),
    ];
  }
}

@Module({ providers: [ProjectRepository, ProjectRegistrationsConsumer], exports: [ProjectRepository] })
export class ProjectsModule {}
