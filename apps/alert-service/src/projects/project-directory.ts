import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProjectRegistered, ProjectStatus } from '@wage/contracts';
import { SCHEMA } from '../schema';

/** The projects learnt from roster-service's events: only what recognising a project key needs. */
@Injectable()
export class ProjectDirectory {
  constructor(private readonly dataSource: DataSource) {}

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
