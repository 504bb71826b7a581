import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { UseCaseError } from '@wage/platform';
import { SCHEMA as S } from '../schema';
import type { ActionRow, CaseRow, RecoveryRow } from './case-view';

/**
 * A case with the sum of its recoveries. Dates are read as 'YYYY-MM-DD' text (pg would make local-midnight Dates of
 * them): the later column of the same name is the one a row keeps.
 */
export const CASE_SELECT = `
  SELECT k.*, to_char(k.close_by, 'YYYY-MM-DD') AS close_by, to_char(k.opened_on, 'YYYY-MM-DD') AS opened_on,
    coalesce((SELECT sum(r.amount_fen) FROM "${S}".recoveries r WHERE r.case_id = k.id), 0)::bigint
    AS recovered_fen,
    (SELECT p.grid_code FROM "${S}".projects p WHERE p.code = k.project_code) AS project_grid_code
  FROM "${S}".cases k`;

@Injectable()
export class CaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<CaseRow | undefined> {
    const [row] = await manager.query(`${CASE_SELECT} WHERE k.id = $1`, [id]);
    return row;
  }

  /** The case locked for a change; 404 when there is none. */
  async lock(manager: EntityManager, id: string): Promise<CaseRow> {
    await manager.query(`SELECT 1 FROM "${S}".cases WHERE id = $1 FOR UPDATE`, [id]);
    const row = await this.find(id, manager);
    if (!row) throw UseCaseError.notFound(`no case ${id}`);
    return row;
  }

  async actions(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<ActionRow[]> {
    return manager.query(
      `SELECT id, kind, at, actor, note, to_char(deadline, 'YYYY-MM-DD') AS deadline, amount_fen, article, document_no
         FROM "${S}".case_actions WHERE case_id = $1 ORDER BY at, recorded_at`,
      [caseId],
    );
  }

  async recoveries(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<RecoveryRow[]> {
    return manager.query(
      `SELECT id, amount_fen, workers, to_char(paid_on, 'YYYY-MM-DD') AS paid_on, note, actor, recorded_at, source
         FROM "${S}".recoveries WHERE case_id = $1 ORDER BY paid_on, recorded_at`,
      [caseId],
    );
  }
}
