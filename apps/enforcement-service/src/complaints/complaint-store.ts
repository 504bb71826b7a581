import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SCHEMA as S } from '../schema';
import type { ComplaintRow } from './complaint-view';

/**
 * What every read of a complaint selects: the row, its case's inspectors, the complaints linked to it, its project's
 * grid and the site visits that verified it (核实). The date
 * is read as 'YYYY-MM-DD' text: the later column of the same name is the one a row keeps.
 */
export const COMPLAINT_SELECT = `
  SELECT c.*, to_char(c.accept_by, 'YYYY-MM-DD') AS accept_by, k.inspectors AS case_inspectors,
    (SELECT array_agg(o.id ORDER BY o.received_at) FROM "${S}".complaints o
      WHERE o.id <> c.id AND (o.duplicate_of = coalesce(c.duplicate_of, c.id) OR o.id = c.duplicate_of)) AS linked,
    (SELECT p.grid_code FROM "${S}".projects p WHERE p.code = c.project_code) AS project_grid_code,
    (SELECT json_agg(json_build_object('visitId', v.id, 'at', v.at, 'by', v.recorded_by, 'result', v.result,
        'findings', v.findings) ORDER BY v.at, v.id)
      FROM "${S}".visits v WHERE v.complaint_id = c.id) AS verifications
  FROM "${S}".complaints c LEFT JOIN "${S}".cases k ON k.id = c.case_id`;

@Injectable()
export class ComplaintStore {
  constructor(private readonly dataSource: DataSource) {}

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ComplaintRow | undefined> {
    const [row] = await manager.query(`${COMPLAINT_SELECT} WHERE c.id = $1`, [id]);
    return row;
  }

  /** The row locked for a decision, so that two inspectors cannot both decide on it. */
  async lock(manager: EntityManager, id: string): Promise<ComplaintRow | undefined> {
    await manager.query(`SELECT 1 FROM "${S}".complaints WHERE id = $1 FOR UPDATE`, [id]);
    return this.find(id, manager);
  }
}
