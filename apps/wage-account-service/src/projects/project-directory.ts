import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProjectRegistered, ProjectStatus } from '@wage/contracts';
import { ApiError } from '@wage/platform';
import { SCHEMA } from '../schema';

/** What this service knows of a project, learnt from roster-service's project events. */
export interface KnownProject {
  code: string;
  regionCode: string;
  status: ProjectStatus;
}

/** The `projects` table: roster-service owns projects; this is the copy its events keep up to date. */
@Injectable()
export class ProjectDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async find(
    code: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<KnownProject | undefined> {
    const [row] = await manager.query(
      `SELECT code, region_code AS "regionCode", status FROM "${SCHEMA}".projects WHERE code = $1`,
      [code],
    );
    return row;
  }

  /** The project, or a 422 saying it is not known here (yet): its registration event may still be on its way. */
  async require(code: string, manager?: EntityManager): Promise<KnownProject> {
    const project = await this.find(code, manager);
    if (!project) {
      throw new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'PROJECT_NOT_REGISTERED',
        `project ${code} is not registered (yet): register it with POST /api/v1/projects first; ` +
          'if it was registered moments ago, try again shortly',
      );
    }
    return project;
  }

  async findCodeByKeyHash(keyHash: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT code FROM "${SCHEMA}".projects WHERE api_key_hash = $1`,
      [keyHash],
    );
    return row?.code;
  }

  /** A redelivered or repeated registration leaves the row as the latest event says. */
  async upsertRegistered(manager: EntityManager, project: ProjectRegistered): Promise<void> {
    await manager.query(
      `INSERT INTO "${SCHEMA}".projects (code, region_code, api_key_hash, status) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET region_code = EXCLUDED.region_code, api_key_hash = EXCLUDED.api_key_hash,
         status = EXCLUDED.status, updated_at = now()`,
      [project.code, project.regionCode, project.apiKeyHash, project.status],
    );
  }

  async changeStatus(manager: EntityManager, code: string, status: ProjectStatus): Promise<void> {
    await manager.query(`UPDATE "${SCHEMA}".projects SET status = $2, updated_at = now() WHERE code = $1`, [
      code,
      status,
    ]);
  }
}
