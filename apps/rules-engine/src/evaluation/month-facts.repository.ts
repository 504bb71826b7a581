import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type AccountDebit,
  type CardNotMineAnswer,
  type CardRegistration,
  type DepositMovement,
  type DepositRecord,
  type Fen,
  type IsoDate,
  lookbackFrom,
  type Month,
  MAX_REVISION_LINES_IN_EVIDENCE,
  monthOf,
  type PendingPaySheetRevision,
  type RectificationOrder,
  previousMonth,
  type ProjectMonthFacts,
  type StatusChange,
  type WorkerDispute,
  type WorkerMonthRow,
  type WorkerPayment,
  type WorkerRef,
} from '@wage/domain';

export interface ProjectRow {
  code: string;
  regionCode: string;
  /** The grid of its district the project is placed in, if any. */
  gridCode?: string;
  contractorCreditCode: string;
  contractAmountFen: Fen;
  startDate: IsoDate;
  payday: number;
}

/** A project-month to load: the project's row and the month. */
export interface FactsTarget {
  project: ProjectRow;
  month: Month;
}

const fen = (value: string | number | null): Fen => (value === null ? 0 : Number(value));
const SHANGHAI = `'Asia/Shanghai'`;
/**
 * The batch's project-months as a relation: `tg.i` is the target's position (1-based) in the batch, so that every
 * per-month fact is grouped back to its target in JS.
 */
const TARGETS = `unnest($1::text[], $2::text[]) WITH ORDINALITY AS tg(project_code, month, i)`;
/**
 * The payroll debits `t` (a CTE) matched to a worker on their project's roll by card, else by identity:
 * `matched`, with `by_card` to prefer the card. Two equi-joins instead of one join on `card OR id`, which is
 * planned as every debit against every worker of its project (500 × 500 per project). `projects` is the
 * parameter that holds the batch's project codes.
 */
const paidToWorker = (projects: string) => `w AS (
         SELECT project_code, id_hash, id_masked, name, card_hash, card_masked FROM rules.workers
         WHERE project_code = ANY(${projects}::text[])
       ), matched AS (
         SELECT t.*, w.id_hash, w.id_masked, w.name, w.card_masked, TRUE AS by_card
         FROM t JOIN w ON w.project_code = t.project_code AND w.card_hash = t.counterparty_account_hash
         UNION ALL
         SELECT t.*, w.id_hash, w.id_masked, w.name, w.card_masked,
                w.card_hash = t.counterparty_account_hash AS by_card
         FROM t JOIN w ON w.project_code = t.project_code AND w.id_hash = t.counterparty_id_hash
       )`;

/**
 * The set-based reads the evaluation of a batch of project-months needs. Each fact is one query over the whole
 * batch (`project_code = ANY($1)`, or the batch's project-months as `unnest(...) AS tg`), grouped back per
 * project-month in JS: a batch of 50 projects costs the same ≈20 round trips as one project-month did. Nothing
 * loops over workers or projects in SQL round trips.
 */
@Injectable()
export class MonthFactsRepository {
  /**
   * Every fact the rules read about each project-month of the batch (in the batch's order), as the read model
   * holds them at `asOf`. A project may appear with several months.
   */
  async loadBatch(
    manager: EntityManager,
    targets: readonly FactsTarget[],
    asOf: Date,
    overrides: ProjectMonthFacts['overrides'],
  ): Promise<ProjectMonthFacts[]> {
    if (targets.length === 0) return [];
    const codes = [...new Set(targets.map((t) => t.project.code))];
    const creditCodes = [...new Set(targets.map((t) => t.project.contractorCreditCode))];
    const codesOf = targets.map((t) => t.project.code);
    const monthsOf = targets.map((t) => t.month);
    const batch = { codes, codesOf, monthsOf };
    const history = await this.statusHistory(manager, codes);
    const workerMonths = await this.workerMonths(manager, batch, asOf);
    const payments = await this.payrollToWorkers(manager, batch, asOf);
    const reports = await this.monthReports(manager, batch);
    const accounts = await this.accountFacts(manager, codes, asOf);
    const sheetTotals = await this.sheetTotals(manager, batch);
    const rosters = await this.roster(manager, codes, asOf);
    const debits = await this.debits(manager, batch, asOf);
    const payouts = await this.payouts(manager, batch, asOf);
    const cardRegistrations = await this.cardRegistrations(manager, codes, rosters);
    const cardNotMine = await this.cardNotMine(manager, codes);
    const { deposits, movements } = await this.deposits(manager, codes, asOf);
    const contractors = await this.contractorRecords(manager, creditCodes, asOf);
    const revisions = await this.pendingRevisions(manager, batch, asOf);
    const disputes = await this.disputes(manager, batch);
    const orders = await this.rectificationOrders(manager, batch);
    return targets.map(({ project, month }, index) => {
      const i = index + 1;
      const code = project.code;
      return {
        project,
        month,
        history: history.get(code) ?? [],
        workerMonths: workerMonths.get(i) ?? [],
        payments: payments.get(i) ?? [],
        reports: reports.get(i) ?? { paySheetSubmittedAt: null, attendanceReportedAt: null },
        account: accounts.get(code)!,
        sheetTotals: sheetTotals.get(i) ?? new Map(),
        roster: rosters.get(code) ?? { cardHashes: new Set(), idHashes: new Set(), registeredByAsOf: 0 },
        debits: debits.get(i) ?? [],
        payouts: payouts.get(i) ?? [],
        cardRegistrations: cardRegistrations.get(code) ?? [],
        cardNotMine: cardNotMine.get(code) ?? [],
        deposits: deposits.get(code) ?? [],
        movements: movements.get(code) ?? [],
        contractor: contractors.get(project.contractorCreditCode)!,
        overrides,
        pendingRevision: revisions.get(i) ?? null,
        disputes: disputes.get(i) ?? [],
        orders: orders.get(i) ?? [],
      };
    });
  }

  /** Casework's rectification orders about each project-month (RECTIFICATION_OVERDUE). */
  private async rectificationOrders(
    manager: EntityManager,
    batch: Batch,
  ): Promise<Map<number, RectificationOrder[]>> {
    const rows: Record<string, string | string[] | boolean | Date | null>[] = await manager.query(
      `SELECT tg.i::int AS i, o.action_id, o.case_id, o.document_no, o.deadline::text, o.violations,
              o.orders_payment, o.amount_fen::text, o.ordered_at
         FROM ${TARGETS}
         JOIN rules.rectification_orders o ON o.project_code = tg.project_code AND o.month = tg.month
        ORDER BY tg.i, o.deadline, o.action_id`,
      [batch.codesOf, batch.monthsOf],
    );
    return groupRows(rows, (r) => ({
      caseId: r.case_id as string,
      actionId: r.action_id as string,
      documentNo: r.document_no as string | null,
      deadline: r.deadline as IsoDate,
      violations: r.violations as RectificationOrder['violations'],
      ordersPayment: r.orders_payment as boolean,
      amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
      orderedAt: new Date(r.ordered_at as Date),
    }));
  }

  /** Each project's workers whose latest answer for a month says the card on the roll is not theirs. */
  private async cardNotMine(
    manager: EntityManager,
    codes: string[],
  ): Promise<Map<string, CardNotMineAnswer[]>> {
    const rows: Record<string, string>[] = await manager.query(
      `SELECT project_code, id_masked, name_masked, month FROM rules.worker_month_answers
        WHERE project_code = ANY($1::text[]) AND result = 'DISPUTED' AND reason = 'CARD_NOT_MINE'
        ORDER BY project_code, month, id_masked`,
      [codes],
    );
    return groupRows(
      rows,
      (r) => ({ idMasked: r.id_masked, nameMasked: r.name_masked, month: r.month }),
      (r) => r.project_code,
    );
  }

  /** Each month's standing disputes: each worker's latest answer, where it is a dispute. */
  private async disputes(manager: EntityManager, batch: Batch): Promise<Map<number, WorkerDispute[]>> {
    const rows: Record<string, string | Date>[] = await manager.query(
      `SELECT tg.i::int AS i, a.id_hash, a.id_masked, a.name_masked, a.reason, a.answered_at
         FROM ${TARGETS}
         JOIN rules.worker_month_answers a ON a.project_code = tg.project_code AND a.month = tg.month
        WHERE a.result = 'DISPUTED' ORDER BY tg.i, a.answered_at, a.id_hash`,
      [batch.codesOf, batch.monthsOf],
    );
    return groupRows(rows, (r) => ({
      idHash: r.id_hash as string,
      idMasked: r.id_masked as string,
      nameMasked: r.name_masked as string,
      reason: r.reason as WorkerDispute['reason'],
      answeredAt: new Date(r.answered_at),
    }));
  }

  /** Each month's latest pay-sheet revision submitted by `asOf` and not decided by then, its lines masked. */
  private async pendingRevisions(
    manager: EntityManager,
    batch: Batch,
    asOf: Date,
  ): Promise<Map<number, PendingPaySheetRevision>> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT tg.i::int AS i, r.* FROM ${TARGETS} CROSS JOIN LATERAL (
         SELECT r.revision_id, r.submitted_at, r.deadline::text, r.totals, r.original_totals, r.lines_lowered,
                r.workers_dropped,
                (SELECT coalesce(json_agg(x ORDER BY x."idMasked", x.worker_id), '[]'::json) FROM (
                   SELECT w.id_masked AS "idMasked", w.name,
                          (l->>'originalNetPayFen')::float8 AS "originalNetPayFen",
                          (l->>'revisedNetPayFen')::float8 AS "revisedNetPayFen", w.worker_id
                   FROM jsonb_array_elements(r.lowered) l
                   JOIN rules.workers w ON w.worker_id = (l->>'workerId')::uuid
                   ORDER BY w.id_masked, w.worker_id LIMIT $4) x) AS lowered
         FROM rules.pay_sheet_revisions r
         WHERE r.project_code = tg.project_code AND r.month = tg.month AND r.submitted_at <= $3
           AND (r.decided_at IS NULL OR r.decided_at > $3)
         ORDER BY r.submitted_at DESC, r.revision_id LIMIT 1) r`,
      [batch.codesOf, batch.monthsOf, asOf, MAX_REVISION_LINES_IN_EVIDENCE],
    );
    type Line = PendingPaySheetRevision['lowered'][number] & { name: string | null };
    return new Map(
      rows.map((row) => [
        Number(row.i),
        {
          revisionId: String(row.revision_id),
          submittedAt: row.submitted_at as Date,
          deadline: String(row.deadline),
          totals: row.totals as PendingPaySheetRevision['totals'],
          originalTotals: row.original_totals as PendingPaySheetRevision['originalTotals'],
          linesLowered: Number(row.lines_lowered),
          workersDropped: Number(row.workers_dropped),
          lowered: (row.lowered as Line[]).map((line) => ({
            idMasked: line.idMasked,
            ...(line.name !== null && { name: line.name }),
            originalNetPayFen: line.originalNetPayFen,
            revisedNetPayFen: line.revisedNetPayFen,
          })),
        },
      ]),
    );
  }

  /** The projects asked for (every project without codes), by code. */
  async projects(manager: EntityManager, projectCodes?: readonly string[]): Promise<ProjectRow[]> {
    const rows: Record<string, string | number>[] = await manager.query(
      `SELECT code, region_code, grid_code, contractor_credit_code, contract_amount_fen::text, start_date::text,
         payday
       FROM rules.projects WHERE $1::text[] IS NULL OR code = ANY($1::text[]) ORDER BY code`,
      [projectCodes ?? null],
    );
    return rows.map((r) => ({
      code: String(r.code),
      regionCode: String(r.region_code),
      ...(r.grid_code !== null && { gridCode: String(r.grid_code) }),
      contractorCreditCode: String(r.contractor_credit_code),
      contractAmountFen: fen(r.contract_amount_fen),
      startDate: String(r.start_date),
      payday: Number(r.payday),
    }));
  }

  private async statusHistory(manager: EntityManager, codes: string[]): Promise<Map<string, StatusChange[]>> {
    const rows: { project_code: string; effective_date: string; status: StatusChange['status'] }[] =
      await manager.query(
        `SELECT project_code, effective_date::text, status FROM rules.project_status_changes
         WHERE project_code = ANY($1::text[]) ORDER BY project_code, effective_date, recorded_at`,
        [codes],
      );
    return groupRows(
      rows,
      (r) => ({ status: r.status, effectiveDate: r.effective_date }),
      (r) => r.project_code,
    );
  }

  /**
   * Every worker's months of each target's look-back window, up to the later of its month and the month of
   * `asOf` (attendance and/or a current pay-sheet line).
   */
  private async workerMonths(
    manager: EntityManager,
    batch: Batch,
    asOf: Date,
  ): Promise<Map<number, WorkerMonthRow[]>> {
    const current = monthOf(asOf);
    const rows: Record<string, string | number | null>[] = await manager.query(
      `WITH tg AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS tg(project_code, m_from, m_to, i)
       ), sheet AS (
         SELECT tg.i, ps.month, l.id_hash, l.net_pay_fen
         FROM tg JOIN rules.pay_sheets ps ON ps.project_code = tg.project_code
           AND ps.month BETWEEN tg.m_from AND tg.m_to
         JOIN rules.pay_sheet_lines l ON l.submission_id = ps.submission_id
       ), att AS (
         SELECT tg.i, a.month, a.id_hash, a.days_worked
         FROM tg JOIN rules.attendance a ON a.project_code = tg.project_code AND a.month BETWEEN tg.m_from AND tg.m_to
       ), roll AS (
         SELECT DISTINCT ON (project_code, id_hash) project_code, id_hash, id_masked, name, card_masked
         FROM rules.workers WHERE project_code = ANY($4::text[]) ORDER BY project_code, id_hash, entry_date DESC
       )
       SELECT tg.i::int AS i, coalesce(s.month, a.month) AS month, roll.id_hash, roll.id_masked, roll.name,
              roll.card_masked, coalesce(a.days_worked, 0) AS days_worked, s.net_pay_fen::text AS net_pay_fen
       FROM sheet s FULL JOIN att a ON a.i = s.i AND a.month = s.month AND a.id_hash = s.id_hash
       JOIN tg ON tg.i = coalesce(s.i, a.i)
       JOIN roll ON roll.project_code = tg.project_code AND roll.id_hash = coalesce(s.id_hash, a.id_hash)
       ORDER BY tg.i, roll.id_hash, 2`,
      [
        batch.codesOf,
        batch.monthsOf.map((m) => lookbackFrom(m)),
        batch.monthsOf.map((m) => (current > m ? current : m)),
        batch.codes,
      ],
    );
    return groupRows(rows, (r) => ({
      month: String(r.month),
      idHash: String(r.id_hash),
      idMasked: String(r.id_masked),
      name: String(r.name),
      ...(r.card_masked !== null && { cardMasked: String(r.card_masked) }),
      daysWorked: Number(r.days_worked),
      netPayFen: r.net_pay_fen === null ? null : fen(r.net_pay_fen),
    }));
  }

  /**
   * Payroll debits that belong to a worker on the roll (their card, else their identity) and can pay a month
   * from each target's look-back start on: naming such a month, or naming none and made since it began.
   */
  private async payrollToWorkers(
    manager: EntityManager,
    batch: Batch,
    asOf: Date,
  ): Promise<Map<number, WorkerPayment[]>> {
    const rows: Record<string, string | number | Date | null>[] = await manager.query(
      `WITH t AS (
         SELECT tg.i, t.project_code, t.account_number, t.serial_no, t.amount_fen, t.occurred_at, t.payroll_month,
                t.counterparty_account_hash, t.counterparty_id_hash
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS tg(project_code, m_from, i)
         JOIN rules.transactions t ON t.project_code = tg.project_code
         -- Named again as ANY($4) so that only the batch's transactions are read (through the index), not all.
         WHERE t.project_code = ANY($4::text[]) AND t.kind = 'PAYROLL' AND t.direction = 'DEBIT'
           AND t.occurred_at <= $3
           AND (t.payroll_month >= tg.m_from
                OR (t.payroll_month IS NULL
                    AND t.occurred_at >= ((tg.m_from || '-01')::timestamp AT TIME ZONE ${SHANGHAI})))
       ), ${paidToWorker('$4')}
       SELECT DISTINCT ON (i, account_number, serial_no)
              i::int AS i, id_hash, serial_no, amount_fen::text, occurred_at, payroll_month
       FROM matched
       ORDER BY i, account_number, serial_no, by_card DESC NULLS LAST`,
      [batch.codesOf, batch.monthsOf.map((m) => lookbackFrom(m)), asOf, batch.codes],
    );
    return groupRows(rows, (r) => ({
      idHash: String(r.id_hash),
      serialNo: String(r.serial_no),
      amountFen: fen(r.amount_fen as string),
      occurredAt: r.occurred_at as Date,
      ...(r.payroll_month !== null && { payrollMonth: String(r.payroll_month) }),
    }));
  }

  /** The current pay sheet's net total of each target's month and of the month before it (missing: no sheet). */
  private async sheetTotals(manager: EntityManager, batch: Batch): Promise<Map<number, Map<Month, Fen>>> {
    const rows: { i: number; month: string; net: string }[] = await manager.query(
      `SELECT tg.i::int AS i, ps.month, sum(l.net_pay_fen)::text AS net
       FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS tg(project_code, month, previous, i)
       JOIN rules.pay_sheets ps ON ps.project_code = tg.project_code AND ps.month IN (tg.month, tg.previous)
       JOIN rules.pay_sheet_lines l ON l.submission_id = ps.submission_id
       GROUP BY tg.i, ps.month`,
      [batch.codesOf, batch.monthsOf, batch.monthsOf.map((m) => previousMonth(m))],
    );
    const totals = new Map<number, Map<Month, Fen>>();
    for (const r of rows) {
      const forTarget = totals.get(r.i) ?? new Map<Month, Fen>();
      forTarget.set(r.month, fen(r.net));
      totals.set(r.i, forTarget);
    }
    return totals;
  }

  private async monthReports(
    manager: EntityManager,
    batch: Batch,
  ): Promise<Map<number, { paySheetSubmittedAt: Date | null; attendanceReportedAt: Date | null }>> {
    const rows: { i: number; sheet: Date | null; attendance: Date | null }[] = await manager.query(
      `SELECT tg.i::int AS i, ps.first_submitted_at AS sheet, am.first_reported_at AS attendance
       FROM ${TARGETS}
       LEFT JOIN rules.pay_sheets ps ON ps.project_code = tg.project_code AND ps.month = tg.month
       LEFT JOIN rules.attendance_months am ON am.project_code = tg.project_code AND am.month = tg.month`,
      [batch.codesOf, batch.monthsOf],
    );
    return new Map(
      rows.map((r) => [r.i, { paySheetSubmittedAt: r.sheet, attendanceReportedAt: r.attendance }]),
    );
  }

  private async accountFacts(
    manager: EntityManager,
    codes: string[],
    asOf: Date,
  ): Promise<Map<string, ProjectMonthFacts['account']>> {
    // With several accounts, the feed is complete only as far as the least complete one that ever stated it.
    const accounts: { project_code: string; opened_on: string | null; statement_through: Date | null }[] =
      await manager.query(
        `SELECT project_code, min(opened_on)::text AS opened_on, min(statement_through) AS statement_through
         FROM rules.accounts WHERE project_code = ANY($1::text[]) GROUP BY project_code`,
        [codes],
      );
    // The balance and the appropriations by Shanghai month, in one pass over each project's transactions.
    const sums: { project_code: string; month: string; net: string; appropriated: string | null }[] =
      await manager.query(
        `SELECT project_code, to_char(occurred_at AT TIME ZONE ${SHANGHAI}, 'YYYY-MM') AS month,
                sum(CASE WHEN direction = 'CREDIT' THEN amount_fen ELSE -amount_fen END)::text AS net,
                (sum(amount_fen) FILTER (WHERE kind = 'APPROPRIATION' AND direction = 'CREDIT'))::text AS appropriated
         FROM rules.transactions WHERE project_code = ANY($1::text[]) AND occurred_at <= $2
         GROUP BY 1, 2`,
        [codes, asOf],
      );
    const byProject = new Map(accounts.map((a) => [a.project_code, a]));
    const sumsOf = groupRows(
      sums,
      (s) => s,
      (s) => s.project_code,
    );
    return new Map(
      codes.map((code) => {
        const account = byProject.get(code);
        const months = sumsOf.get(code) ?? [];
        return [
          code,
          {
            accountOpenedOn: account?.opened_on ?? null,
            statementThrough: account?.statement_through ?? null,
            balanceFen: months.reduce((total, m) => total + fen(m.net), 0),
            appropriatedFenByMonth: Object.fromEntries(
              months.filter((m) => m.appropriated !== null).map((m) => [m.month, fen(m.appropriated)]),
            ),
          },
        ];
      }),
    );
  }

  /**
   * Each target month's debits (Shanghai month of occurrence, up to `asOf`) with each account's balance just
   * before.
   */
  private async debits(
    manager: EntityManager,
    batch: Batch,
    asOf: Date,
  ): Promise<Map<number, AccountDebit[]>> {
    const rows: Record<string, string | number | Date | null>[] = await manager.query(
      `SELECT tg.i::int AS i, x.* FROM (
         SELECT t.project_code, t.account_number, t.serial_no, t.occurred_at, t.direction, t.kind, t.amount_fen,
                t.counterparty_name, t.counterparty_account_hash, t.counterparty_account_masked,
                t.counterparty_id_hash,
                coalesce(sum(CASE WHEN direction = 'CREDIT' THEN amount_fen ELSE -amount_fen END)
                  OVER (PARTITION BY t.project_code, t.account_number ORDER BY t.occurred_at, t.serial_no
                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::text AS balance_before
         FROM rules.transactions t WHERE t.project_code = ANY($3::text[]) AND t.occurred_at <= $4
       ) x
       JOIN ${TARGETS} ON tg.project_code = x.project_code
         AND tg.month = to_char(x.occurred_at AT TIME ZONE ${SHANGHAI}, 'YYYY-MM')
       WHERE x.direction = 'DEBIT'
       ORDER BY tg.i, x.occurred_at, x.serial_no`,
      [batch.codesOf, batch.monthsOf, batch.codes, asOf],
    );
    return groupRows(rows, (r) => ({
      accountNumber: String(r.account_number),
      serialNo: String(r.serial_no),
      occurredAt: r.occurred_at as Date,
      kind: r.kind as AccountDebit['kind'],
      amountFen: fen(r.amount_fen as string),
      counterpartyName: String(r.counterparty_name),
      // A cash withdrawal (现金支取) or a fee has no counterparty account.
      ...(r.counterparty_account_hash !== null && {
        counterpartyAccountMasked: String(r.counterparty_account_masked),
        counterpartyAccountHash: String(r.counterparty_account_hash),
      }),
      ...(r.counterparty_id_hash !== null && { counterpartyIdHash: String(r.counterparty_id_hash) }),
      balanceBeforeFen: fen(r.balance_before as string),
    }));
  }

  private async roster(manager: EntityManager, codes: string[], asOf: Date): Promise<Map<string, Roster>> {
    const rows: { project_code: string; card_hash: string | null; id_hash: string; registered: boolean }[] =
      await manager.query(
        `SELECT project_code, card_hash, id_hash,
                entry_date <= ($2::timestamptz AT TIME ZONE ${SHANGHAI})::date AS registered
         FROM rules.workers WHERE project_code = ANY($1::text[])`,
        [codes, asOf],
      );
    const rosters = new Map<string, Roster>();
    for (const r of rows) {
      let roster = rosters.get(r.project_code);
      if (!roster) {
        roster = { cardHashes: new Set(), idHashes: new Set(), registeredByAsOf: 0 };
        rosters.set(r.project_code, roster);
      }
      if (r.card_hash !== null) roster.cardHashes.add(r.card_hash);
      roster.idHashes.add(r.id_hash);
      if (r.registered) roster.registeredByAsOf += 1;
    }
    return rosters;
  }

  /** Payroll each worker received in each target's month and in its year up to the month's end (by payment date). */
  private async payouts(
    manager: EntityManager,
    batch: Batch,
    asOf: Date,
  ): Promise<Map<number, (WorkerRef & { paidInMonthFen: Fen; paidInYearFen: Fen })[]>> {
    const rows: Record<string, string | number | null>[] = await manager.query(
      `WITH t AS (
         SELECT t.project_code, t.account_number, t.serial_no, t.amount_fen, t.occurred_at,
                t.counterparty_account_hash, t.counterparty_id_hash
         FROM rules.transactions t
         WHERE t.project_code = ANY($3::text[]) AND t.kind = 'PAYROLL' AND t.direction = 'DEBIT'
           AND t.occurred_at <= $4
       ), ${paidToWorker('$3')}, paid AS (
         SELECT DISTINCT ON (project_code, account_number, serial_no) project_code, id_hash, id_masked, name,
                card_masked, amount_fen, to_char(occurred_at AT TIME ZONE ${SHANGHAI}, 'YYYY-MM') AS month
         FROM matched
         ORDER BY project_code, account_number, serial_no, by_card DESC NULLS LAST
       )
       SELECT tg.i::int AS i, paid.id_hash, min(paid.id_masked) AS id_masked, min(paid.name) AS name,
              min(paid.card_masked) AS card_masked,
              coalesce(sum(paid.amount_fen) FILTER (WHERE paid.month = tg.month), 0)::text AS in_month,
              sum(paid.amount_fen)::text AS in_year
       FROM ${TARGETS}
       JOIN paid ON paid.project_code = tg.project_code
         AND paid.month BETWEEN substr(tg.month, 1, 4) || '-01' AND tg.month
       GROUP BY tg.i, paid.id_hash
       ORDER BY tg.i, paid.id_hash`,
      [batch.codesOf, batch.monthsOf, batch.codes, asOf],
    );
    return groupRows(rows, (r) => ({
      idHash: String(r.id_hash),
      idMasked: String(r.id_masked),
      name: String(r.name),
      ...(r.card_masked !== null && { cardMasked: String(r.card_masked) }),
      paidInMonthFen: fen(r.in_month),
      paidInYearFen: fen(r.in_year),
    }));
  }

  /**
   * Every registration (any project) of a card that one of each project's workers uses, by project: one lookup
   * of all the batch's cards, handed to every project of the batch whose roll has the card.
   */
  private async cardRegistrations(
    manager: EntityManager,
    codes: string[],
    rosters: ReadonlyMap<string, Roster>,
  ): Promise<Map<string, CardRegistration[]>> {
    const rows: Record<string, string>[] = await manager.query(
      `SELECT o.id_hash, o.id_masked, o.name, o.card_hash, o.card_masked, o.project_code
       FROM rules.workers o
       -- = ANY(ARRAY(...)) looks each of the batch's cards up in workers_card_idx; the IN (subquery) form was
       -- planned as a scan of every worker of every project, once per project (measured in bench/README.md).
       WHERE o.card_hash = ANY (ARRAY(
         SELECT card_hash FROM rules.workers WHERE project_code = ANY($1::text[]) AND card_hash IS NOT NULL))
       ORDER BY o.card_hash, o.project_code, o.id_hash`,
      [codes],
    );
    const usedBy = new Map<string, string[]>();
    for (const [code, roster] of rosters) {
      for (const card of roster.cardHashes) {
        const projects = usedBy.get(card);
        if (projects) projects.push(code);
        else usedBy.set(card, [code]);
      }
    }
    const registrations = new Map<string, CardRegistration[]>();
    for (const r of rows) {
      const registration: CardRegistration = {
        idHash: r.id_hash,
        idMasked: r.id_masked,
        name: r.name,
        cardHash: r.card_hash,
        cardMasked: r.card_masked,
        projectCode: r.project_code,
      };
      for (const code of usedBy.get(r.card_hash) ?? []) {
        const forProject = registrations.get(code);
        if (forProject) forProject.push(registration);
        else registrations.set(code, [registration]);
      }
    }
    return registrations;
  }

  private async deposits(
    manager: EntityManager,
    codes: string[],
    asOf: Date,
  ): Promise<{ deposits: Map<string, DepositRecord[]>; movements: Map<string, DepositMovement[]> }> {
    const deposits: Record<string, string | null>[] = await manager.query(
      `SELECT project_code, deposit_id, form, amount_fen::text, effective_on::text, expires_on::text, reference
       FROM rules.deposits WHERE project_code = ANY($1::text[]) ORDER BY project_code, effective_on, deposit_id`,
      [codes],
    );
    const movements: Record<string, string | Date>[] = await manager.query(
      `SELECT d.project_code, m.deposit_id, m.kind, m.amount_fen::text, m.occurred_at
       FROM rules.deposit_movements m JOIN rules.deposits d ON d.deposit_id = m.deposit_id
       WHERE d.project_code = ANY($1::text[]) AND m.occurred_at <= $2 ORDER BY d.project_code, m.occurred_at`,
      [codes, asOf],
    );
    return {
      deposits: groupRows(
        deposits,
        (d) => ({
          depositId: String(d.deposit_id),
          form: d.form as DepositRecord['form'],
          amountFen: fen(d.amount_fen),
          effectiveOn: String(d.effective_on),
          ...(d.expires_on !== null && { expiresOn: d.expires_on }),
          ...(d.reference !== null && { reference: d.reference }),
        }),
        (d) => String(d.project_code),
      ),
      movements: groupRows(
        movements,
        (m) => ({
          depositId: String(m.deposit_id),
          kind: m.kind as DepositMovement['kind'],
          amountFen: fen(m.amount_fen as string),
          occurredAt: m.occurred_at as Date,
        }),
        (m) => String(m.project_code),
      ),
    };
  }

  /** One contractor's record (see `contractorRecords`). */
  async contractorRecord(
    manager: EntityManager,
    creditCode: string,
    asOf: Date,
  ): Promise<ProjectMonthFacts['contractor']> {
    return (await this.contractorRecords(manager, [creditCode], asOf)).get(creditCode)!;
  }

  /**
   * Each contractor's record across its projects: first registration, and the arrears that stood — WAGE_ARREARS
   * alerts raised past the settle period (pending verdicts never count) and not dismissed by an inspector, and
   * cases closed with a finding of unpaid wages (`case:<id>`); its integrity grade in force and whether it is on
   * the blacklist on the day of `asOf`.
   */
  async contractorRecords(
    manager: EntityManager,
    creditCodes: readonly string[],
    asOf: Date,
  ): Promise<Map<string, ProjectMonthFacts['contractor']>> {
    const rows: {
      credit_code: string;
      since: string;
      arrears: string | null;
      keys: string[] | null;
      grade: string | null;
      grade_year: number | null;
      unpaid_wages: boolean | null;
      a_years: number | null;
      listed: boolean;
    }[] = await manager.query(
      `SELECT c.credit_code, r.* FROM unnest($1::text[]) AS c(credit_code) CROSS JOIN LATERAL (
         WITH stood AS (
           SELECT a.alert_key, (a.raised_at AT TIME ZONE ${SHANGHAI})::date AS raised_on
           FROM rules.alerts a JOIN rules.projects p ON p.code = a.project_code
           WHERE p.contractor_credit_code = c.credit_code AND a.code = 'WAGE_ARREARS' AND a.raised_at IS NOT NULL
             AND a.raised_at <= $2 AND a.dismissed_at IS NULL
           UNION ALL
           SELECT 'case:' || f.case_id, (f.found_at AT TIME ZONE ${SHANGHAI})::date
           FROM rules.employer_findings f WHERE f.credit_code = c.credit_code AND f.found_at <= $2
         ), today AS (SELECT ($2::timestamptz AT TIME ZONE ${SHANGHAI})::date AS d)
         SELECT (SELECT min((registered_at AT TIME ZONE ${SHANGHAI})::date)::text FROM rules.projects
                 WHERE contractor_credit_code = c.credit_code) AS since,
                (SELECT max(raised_on)::text FROM stood) AS arrears,
                (SELECT array_agg(alert_key ORDER BY raised_on DESC, alert_key) FROM
                   (SELECT * FROM stood ORDER BY raised_on DESC, alert_key LIMIT 20) recent) AS keys,
                g.grade, g.year AS grade_year, g.unpaid_wages, g.consecutive_a_years AS a_years,
                EXISTS (SELECT 1 FROM rules.employer_listings l, today
                        WHERE l.credit_code = c.credit_code AND l.decided_on <= today.d AND l.listed_until >= today.d
                          AND (l.delisted_on IS NULL OR l.delisted_on > today.d)) AS listed
         FROM (SELECT 1) one
         LEFT JOIN LATERAL (
           SELECT * FROM rules.employer_grades
           WHERE credit_code = c.credit_code AND assigned_at <= $2
           ORDER BY year DESC, assigned_at DESC LIMIT 1
         ) g ON TRUE
       ) r`,
      [creditCodes, asOf],
    );
    return new Map(
      rows.map((row) => [
        row.credit_code,
        {
          onPlatformSince: row.since,
          lastArrearsOn: row.arrears,
          arrearsCounted: row.keys ?? [],
          blacklisted: row.listed,
          grade:
            row.grade === null
              ? null
              : {
                  grade: row.grade as 'A' | 'B' | 'C',
                  year: row.grade_year!,
                  unpaidWages: row.unpaid_wages!,
                  consecutiveAYears: row.a_years!,
                },
        },
      ]),
    );
  }
}

/** The batch as the queries bind it: its distinct projects, and each target's project and month. */
interface Batch {
  codes: string[];
  codesOf: string[];
  monthsOf: Month[];
}

type Roster = { cardHashes: Set<string>; idHashes: Set<string>; registeredByAsOf: number };

/** Rows mapped and grouped per target (`i`) or per project. */
function groupRows<R extends object, T, K = number>(
  rows: readonly R[],
  map: (row: R) => T,
  key: (row: R) => K = (row) => Number((row as { i?: unknown }).i) as K,
): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(map(row));
    else groups.set(k, [map(row)]);
  }
  return groups;
}
