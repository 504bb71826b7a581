import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProjectStatus } from '@wage/contracts';

/** A project as stored; dates as 'YYYY-MM-DD' text, money in fen. */
export interface ProjectRecord {
  code: string;
  name: string;
  regionCode: string;
  gridCode: string | null;
  contractorName: string;
  contractorCreditCode: string;
  ownerName: string;
  ownerCreditCode: string | null;
  contractAmountFen: number;
  startDate: string;
  plannedEndDate: string | null;
  payday: number;
  status: ProjectStatus;
  statusEffectiveDate: string;
  /** While `status` is scheduled (dated after today): the status in force until then, and its date. */
  previousStatus: ProjectStatus | null;
  previousStatusEffectiveDate: string | null;
}

// Dates are read as text: node-pg would turn a `date` into a local-time Date and shift it across zones.
const PROJECT_COLUMNS = `
  code, name, region_code AS "regionCode", grid_code AS "gridCode", contractor_name AS "contractorName",
  contractor_credit_code AS "contractorCreditCode", owner_name AS "ownerName",
  owner_credit_code AS "ownerCreditCode", contract_amount_fen::float8 AS "contractAmountFen",
  start_date::text AS "startDate", planned_end_date::text AS "plannedEndDate", payday, status,
  status_effective_date::text AS "statusEffectiveDate", previous_status AS "previousStatus",
  previous_status_effective_date::text AS "previousStatusEffectiveDate"`;

@Injectable()
export class ProjectRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(
    code: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProjectRecord | undefined> {
    const [row] = await manager.query(`SELECT ${PROJECT_COLUMNS} FROM roster.projects WHERE code = $1`, [
      code,
    ]);
    return row;
  }

  /**
   * Reads the project and locks it against other batches until the transaction ends, so two batches for one
   * project (two pay sheets for one month, say) apply one after the other. NO KEY UPDATE leaves the row's
   * foreign-key references free, so reads and inserts of its workers are not blocked.
   */
  async lockForBatch(manager: EntityManager, code: string): Promise<ProjectRecord | undefined> {
    const [row] = await manager.query(
      `SELECT ${PROJECT_COLUMNS} FROM roster.projects WHERE code = $1 FOR NO KEY UPDATE`,
      [code],
    );
    return row;
  }

  async codeForKeyHash(apiKeyHash: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query(`SELECT code FROM roster.projects WHERE api_key_hash = $1`, [
      apiKeyHash,
    ]);
    return row?.code;
  }
}
