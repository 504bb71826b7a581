import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { UseCaseError, type Principal } from '@wage/platform';
import { maySee } from '../access/casework-access';
import { SCHEMA as S } from '../schema';

export interface ProcedureRow {
  id: string;
  status: 'NOTIFIED' | 'LISTED' | 'NOT_LISTED' | 'ENDED_BY_PAYMENT' | 'REMOVED';
  credit_code: string;
  employer_name: string;
  case_id: string;
  region_code: string;
  reason: string;
  notified_at: Date;
  notice_on: string;
  statement_by: string;
  notified_by: string;
  statement_text: string | null;
  statement_at: Date | null;
  decided_at: Date | null;
  decided_on: string | null;
  decided_by: string | null;
  listed_until: string | null;
  removed_at: Date | null;
  removed_on: string | null;
  removed_by: string | null;
  pledge_reference: string | null;
  /** The case's wages owed less those recovered. */
  outstanding_fen: string;
}

const PROCEDURE_SELECT = `
  SELECT b.*, to_char(b.notice_on, 'YYYY-MM-DD') AS notice_on, to_char(b.statement_by, 'YYYY-MM-DD') AS statement_by,
    to_char(b.decided_on, 'YYYY-MM-DD') AS decided_on, to_char(b.listed_until, 'YYYY-MM-DD') AS listed_until,
    to_char(b.removed_on, 'YYYY-MM-DD') AS removed_on,
    greatest(k.wages_owed_fen - coalesce((SELECT sum(r.amount_fen) FROM "${S}".recoveries r WHERE r.case_id = k.id), 0),
             0)::text AS outstanding_fen
  FROM "${S}".blacklist_procedures b JOIN "${S}".cases k ON k.id = b.case_id`;

/** Blacklist procedures, their persons (masked) and the audit of each step. */
@Injectable()
export class BlacklistRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The procedure locked for a step, if the caller's region covers it; 404 otherwise. */
  async lockVisible(manager: EntityManager, principal: Principal, id: string): Promise<ProcedureRow> {
    await manager.query(`SELECT 1 FROM "${S}".blacklist_procedures WHERE id = $1 FOR UPDATE`, [id]);
    const [row] = await manager.query(`${PROCEDURE_SELECT} WHERE b.id = $1`, [id]);
    if (!row || !maySee(principal, row.region_code))
      throw UseCaseError.notFound(`no blacklist procedure ${id}`);
    return row;
  }

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProcedureRow | undefined> {
    const [row] = await manager.query(`${PROCEDURE_SELECT} WHERE b.id = $1`, [id]);
    return row;
  }

  async audit(
    manager: EntityManager,
    procedureId: string,
    step: string,
    at: Date,
    actor: string,
    detail: object,
  ) {
    await manager.query(
      `INSERT INTO "${S}".blacklist_audit (procedure_id, step, at, actor, detail) VALUES ($1, $2, $3, $4, $5)`,
      [procedureId, step, at, actor, JSON.stringify(detail)],
    );
  }

  async persons(procedureIds: readonly string[], manager: EntityManager = this.dataSource.manager) {
    return manager.query(
      `SELECT procedure_id, name_masked, role, id_masked FROM "${S}".blacklist_persons
       WHERE procedure_id = ANY ($1::uuid[]) ORDER BY procedure_id, position`,
      [procedureIds],
    ) as Promise<{ procedure_id: string; name_masked: string; role: string; id_masked: string }[]>;
  }

  async auditOf(procedureId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.query(
      `SELECT step, at, actor, detail FROM "${S}".blacklist_audit WHERE procedure_id = $1 ORDER BY at, id`,
      [procedureId],
    ) as Promise<{ step: string; at: Date; actor: string; detail: object }[]>;
  }
}

/** A procedure as inspectors see it: persons masked (name and identity number), the audit trail. */
export function procedureView(
  row: ProcedureRow,
  persons: { name_masked: string; role: string; id_masked: string }[],
  audit: { step: string; at: Date; actor: string; detail: object }[],
) {
  return {
    id: row.id,
    status: row.status,
    creditCode: row.credit_code,
    employerName: row.employer_name,
    caseId: row.case_id,
    regionCode: row.region_code,
    reason: row.reason,
    noticeOn: row.notice_on,
    statementBy: row.statement_by,
    statement: row.statement_text,
    decidedOn: row.decided_on,
    listedUntil: row.listed_until,
    removedOn: row.removed_on,
    pledgeReference: row.pledge_reference,
    persons: persons.map((p) => ({ name: p.name_masked, role: p.role, idNumber: p.id_masked })),
    audit: audit.map((a) => ({
      step: a.step,
      at: new Date(a.at).toISOString(),
      actor: a.actor,
      ...a.detail,
    })),
  };
}
