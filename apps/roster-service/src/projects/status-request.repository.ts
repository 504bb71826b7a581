import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProjectStatus } from '@wage/contracts';

/** A project's request to change its status, and its decision once an inspector or administrator made one. */
export interface StatusRequestView {
  id: string;
  projectCode: string;
  status: ProjectStatus;
  effectiveDate: string;
  reason: string | null;
  requestedAt: string;
  decision: 'APPROVED' | 'REJECTED' | null;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
}

const COLUMNS = `id, project_code AS "projectCode", status, effective_date::text AS "effectiveDate", reason,
  to_char(requested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "requestedAt", decision,
  decided_by AS "decidedBy",
  to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "decidedAt", note`;

/** The `project_status_requests` table. */
@Injectable()
export class StatusRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    request: Pick<StatusRequestView, 'id' | 'projectCode' | 'status' | 'effectiveDate' | 'reason'> & {
      requestedBy: string;
    },
  ): Promise<StatusRequestView> {
    const [row] = await manager.query(
      `INSERT INTO roster.project_status_requests (id, project_code, status, effective_date, reason, requested_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [
        request.id,
        request.projectCode,
        request.status,
        request.effectiveDate,
        request.reason,
        request.requestedBy,
      ],
    );
    return row;
  }

  /** The request, locked until the transaction ends so that two decisions cannot both apply. */
  async findForUpdate(
    manager: EntityManager,
    projectCode: string,
    id: string,
  ): Promise<StatusRequestView | undefined> {
    const [row] = await manager.query(
      `SELECT ${COLUMNS} FROM roster.project_status_requests WHERE project_code = $1 AND id = $2 FOR UPDATE`,
      [projectCode, id],
    );
    return row;
  }

  async decide(
    manager: EntityManager,
    id: string,
    decision: 'APPROVED' | 'REJECTED',
    decidedBy: string,
    note: string | null,
  ): Promise<StatusRequestView> {
    const [[row]] = await manager.query(
      `UPDATE roster.project_status_requests SET decision = $2, decided_by = $3, decided_at = now(), note = $4
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, decision, decidedBy, note],
    );
    return row;
  }

  /** A project's requests, newest first. */
  async list(projectCode: string): Promise<StatusRequestView[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM roster.project_status_requests WHERE project_code = $1
       ORDER BY requested_at DESC, id`,
      [projectCode],
    );
  }
}
