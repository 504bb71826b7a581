import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PayTotals } from '@wage/contracts';
import { formatYuan, type IsoDate, type Month, type PaySheetLineAmounts } from '@wage/domain';

export type RevisionStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'SUPERSEDED';

/** Sheet totals as answers show them: yuan strings. */
export interface SheetTotalsView {
  lines: number;
  grossPay: string;
  netPay: string;
}

/** A line the revision lowers: the worker masked, the net pay on the sheet in force and on the revision. */
export interface LoweredLineView {
  idNumber: string;
  name: string;
  originalNetPay: string;
  /** Null: the revision leaves the worker out. */
  revisedNetPay: string | null;
}

/** A pay-sheet revision (更正) as the API answers it; personal data masked. */
export interface PaySheetRevisionView {
  id: string;
  projectCode: string;
  month: Month;
  status: RevisionStatus;
  submittedAt: string;
  submittedBy: string;
  /** The month's wage deadline the revision arrived after. */
  deadline: IsoDate;
  revisesSubmissionId: string;
  original: SheetTotalsView;
  revised: SheetTotalsView;
  linesLowered: number;
  workersDropped: number;
  /** The lowered lines, at most `MAX_LOWERED_LINES_SHOWN` of them (`linesLowered` counts all). */
  lowered: LoweredLineView[];
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
}

/** What a decision needs of a revision, locked. */
export interface RevisionRecord {
  id: string;
  month: Month;
  status: RevisionStatus;
  submissionId: string;
  revisesSubmissionId: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

export const MAX_LOWERED_LINES_SHOWN = 200;

const instantText = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const VIEW_COLUMNS = `r.id, r.project_code AS "projectCode", r.month, r.status,
  ${instantText('r.submitted_at')} AS "submittedAt", r.submitted_by AS "submittedBy", r.deadline::text AS deadline,
  r.revises_submission_id AS "revisesSubmissionId", r.lines, r.gross_pay_fen::float8 AS "grossPayFen",
  r.net_pay_fen::float8 AS "netPayFen", r.original_lines AS "originalLines",
  r.original_gross_pay_fen::float8 AS "originalGrossPayFen", r.original_net_pay_fen::float8 AS "originalNetPayFen",
  r.decided_by AS "decidedBy", ${instantText('r.decided_at')} AS "decidedAt", r.reason,
  (SELECT count(*)::int FROM roster.pay_sheet_revision_lines l
   WHERE l.revision_id = r.id AND l.original_net_pay_fen IS NOT NULL
     AND (l.net_pay_fen IS NULL OR l.net_pay_fen < l.original_net_pay_fen)) AS "linesLowered",
  (SELECT count(*)::int FROM roster.pay_sheet_revision_lines l
   WHERE l.revision_id = r.id AND l.original_net_pay_fen IS NOT NULL AND l.net_pay_fen IS NULL) AS "workersDropped",
  (SELECT coalesce(json_agg(x ORDER BY x.ord), '[]'::json) FROM (
     SELECT w.id_masked AS "idNumber", w.name, l.original_net_pay_fen::float8 AS "originalNetPayFen",
            l.net_pay_fen::float8 AS "netPayFen", w.id_masked || w.id::text AS ord
     FROM roster.pay_sheet_revision_lines l JOIN roster.workers w ON w.id = l.worker_id
     WHERE l.revision_id = r.id AND l.original_net_pay_fen IS NOT NULL
       AND (l.net_pay_fen IS NULL OR l.net_pay_fen < l.original_net_pay_fen)
     ORDER BY w.id_masked, w.id LIMIT ${MAX_LOWERED_LINES_SHOWN}) x) AS lowered`;

interface ViewRow extends Omit<PaySheetRevisionView, 'original' | 'revised' | 'lowered'> {
  lines: number;
  grossPayFen: number;
  netPayFen: number;
  originalLines: number;
  originalGrossPayFen: number;
  originalNetPayFen: number;
  lowered: { idNumber: string; name: string; originalNetPayFen: number; netPayFen: number | null }[];
}

function toView(row: ViewRow): PaySheetRevisionView {
  const { lines, grossPayFen, netPayFen, originalLines, originalGrossPayFen, originalNetPayFen, ...rest } =
    row;
  return {
    ...rest,
    original: {
      lines: originalLines,
      grossPay: formatYuan(originalGrossPayFen),
      netPay: formatYuan(originalNetPayFen),
    },
    revised: { lines, grossPay: formatYuan(grossPayFen), netPay: formatYuan(netPayFen) },
    lowered: row.lowered.map((l) => ({
      idNumber: l.idNumber,
      name: l.name,
      originalNetPay: formatYuan(l.originalNetPayFen),
      revisedNetPay: l.netPayFen === null ? null : formatYuan(l.netPayFen),
    })),
  };
}

/** The month's sheet in force, as the revision check compares it. */
export interface SheetInForce {
  submissionId: string;
  totals: PayTotals;
  lines: PaySheetLineAmounts[];
}

/** `pay_sheet_revisions` and their lines, and the sheet in force they revise. */
@Injectable()
export class PaySheetRevisionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async sheetInForce(
    manager: EntityManager,
    projectCode: string,
    month: Month,
  ): Promise<SheetInForce | undefined> {
    const [sheet]: { submissionId: string; lines: number; grossPayFen: number; netPayFen: number }[] =
      await manager.query(
        `SELECT submission_id AS "submissionId", lines, gross_pay_fen::float8 AS "grossPayFen",
                net_pay_fen::float8 AS "netPayFen"
         FROM roster.pay_sheets WHERE project_code = $1 AND month = $2`,
        [projectCode, month],
      );
    if (!sheet) return undefined;
    const lines: PaySheetLineAmounts[] = await manager.query(
      `SELECT worker_id AS "workerId", gross_pay_fen::float8 AS "grossPayFen", net_pay_fen::float8 AS "netPayFen"
       FROM roster.pay_sheet_lines WHERE project_code = $1 AND month = $2 ORDER BY worker_id`,
      [projectCode, month],
    );
    const { submissionId, ...totals } = sheet;
    return { submissionId, totals, lines };
  }

  /** Stores a revision with one line per worker on either sheet: the amounts on the sheet in force and on it. */
  async insert(
    manager: EntityManager,
    revision: {
      id: string;
      projectCode: string;
      month: Month;
      submissionId: string;
      deadline: IsoDate;
      submittedBy: string;
      submittedAt: Date;
      inForce: SheetInForce;
      totals: PayTotals;
      lines: readonly PaySheetLineAmounts[];
    },
  ): Promise<void> {
    const { inForce, totals } = revision;
    await manager.query(
      `INSERT INTO roster.pay_sheet_revisions (id, project_code, month, revises_submission_id, submission_id,
         deadline, lines, gross_pay_fen, net_pay_fen, original_lines, original_gross_pay_fen, original_net_pay_fen,
         submitted_by, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        revision.id,
        revision.projectCode,
        revision.month,
        inForce.submissionId,
        revision.submissionId,
        revision.deadline,
        totals.lines,
        totals.grossPayFen,
        totals.netPayFen,
        inForce.totals.lines,
        inForce.totals.grossPayFen,
        inForce.totals.netPayFen,
        revision.submittedBy,
        revision.submittedAt,
      ],
    );
    await manager.query(
      `INSERT INTO roster.pay_sheet_revision_lines (revision_id, worker_id, original_gross_pay_fen,
         original_net_pay_fen, gross_pay_fen, net_pay_fen)
       SELECT $1, coalesce(n.worker_id, o.worker_id), o.gross_pay_fen, o.net_pay_fen, n.gross_pay_fen, n.net_pay_fen
       FROM unnest($4::uuid[], $5::bigint[], $6::bigint[]) AS n(worker_id, gross_pay_fen, net_pay_fen)
       FULL JOIN (SELECT worker_id, gross_pay_fen, net_pay_fen FROM roster.pay_sheet_lines
                  WHERE project_code = $2 AND month = $3) o ON o.worker_id = n.worker_id`,
      [
        revision.id,
        revision.projectCode,
        revision.month,
        revision.lines.map((l) => l.workerId),
        revision.lines.map((l) => l.grossPayFen),
        revision.lines.map((l) => l.netPayFen),
      ],
    );
  }

  /** The blind index of each roll entry given (dropped workers are not on the new lines). */
  async idHashes(manager: EntityManager, workerIds: string[]): Promise<Map<string, string>> {
    if (workerIds.length === 0) return new Map();
    const rows: { id: string; idHash: string }[] = await manager.query(
      `SELECT id, id_hash AS "idHash" FROM roster.workers WHERE id = ANY($1::uuid[])`,
      [workerIds],
    );
    return new Map(rows.map((r) => [r.id, r.idHash]));
  }

  /** Ends the month's pending revisions: a later sheet took their place. Answers their ids. */
  async supersedePending(
    manager: EntityManager,
    projectCode: string,
    month: Month,
    decidedBy: string,
    reason: string,
  ): Promise<{ id: string; decidedAt: Date }[]> {
    return manager
      .query(
        `UPDATE roster.pay_sheet_revisions SET status = 'SUPERSEDED', decided_by = $3, decided_at = now(),
           reason = $4
         WHERE project_code = $1 AND month = $2 AND status = 'PENDING' RETURNING id, decided_at AS "decidedAt"`,
        [projectCode, month, decidedBy, reason],
      )
      .then(([rows]: [{ id: string; decidedAt: Date }[]]) => rows);
  }

  /** The revision, locked until the transaction ends so that two decisions cannot both apply. */
  async findForUpdate(
    manager: EntityManager,
    projectCode: string,
    month: Month,
    id: string,
  ): Promise<RevisionRecord | undefined> {
    const [row] = await manager.query(
      `SELECT id, month, status, submission_id AS "submissionId", revises_submission_id AS "revisesSubmissionId",
              decided_by AS "decidedBy", ${instantText('decided_at')} AS "decidedAt"
       FROM roster.pay_sheet_revisions WHERE project_code = $1 AND month = $2 AND id = $3 FOR UPDATE`,
      [projectCode, month, id],
    );
    return row;
  }

  /** The revision's lines as a pay sheet: the workers on it, with their blind index for the event. */
  async revisedLines(
    manager: EntityManager,
    id: string,
  ): Promise<(PaySheetLineAmounts & { idHash: string })[]> {
    return manager.query(
      `SELECT l.worker_id AS "workerId", w.id_hash AS "idHash", l.gross_pay_fen::float8 AS "grossPayFen",
              l.net_pay_fen::float8 AS "netPayFen"
       FROM roster.pay_sheet_revision_lines l JOIN roster.workers w ON w.id = l.worker_id
       WHERE l.revision_id = $1 AND l.net_pay_fen IS NOT NULL ORDER BY l.worker_id`,
      [id],
    );
  }

  async decide(
    manager: EntityManager,
    id: string,
    status: 'ACCEPTED' | 'REJECTED',
    decidedBy: string,
    reason: string,
  ): Promise<Date> {
    const [[row]] = await manager.query(
      `UPDATE roster.pay_sheet_revisions SET status = $2, decided_by = $3, decided_at = now(), reason = $4
       WHERE id = $1 RETURNING decided_at AS "decidedAt"`,
      [id, status, decidedBy, reason],
    );
    return row.decidedAt;
  }

  async view(id: string, manager: EntityManager = this.dataSource.manager): Promise<PaySheetRevisionView> {
    const [row] = await manager.query(
      `SELECT ${VIEW_COLUMNS} FROM roster.pay_sheet_revisions r WHERE r.id = $1`,
      [id],
    );
    return toView(row);
  }

  /** A month's revisions, newest first. */
  async list(projectCode: string, month: Month): Promise<PaySheetRevisionView[]> {
    const rows: ViewRow[] = await this.dataSource.query(
      `SELECT ${VIEW_COLUMNS} FROM roster.pay_sheet_revisions r WHERE r.project_code = $1 AND r.month = $2
       ORDER BY r.submitted_at DESC, r.id`,
      [projectCode, month],
    );
    return rows.map(toView);
  }
}
