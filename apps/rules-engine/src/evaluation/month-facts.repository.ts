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

const fen = (value: string | number | null): Fen => (value === null ? 0 : Number(value));
const SHANGHAI = `'Asia/Shanghai'`;

/**
 * The set-based reads one project-month's evaluation needs. Each is one aggregate query over the read model;
 * nothing loops over workers in SQL round trips.
 */
@Injectable()
export class MonthFactsRepository {
  /** Every fact the rules read about one project-month, as the read model holds them at `asOf`. */
  async load(
    manager: EntityManager,
    project: ProjectRow,
    month: Month,
    asOf: Date,
    overrides: ProjectMonthFacts['overrides'],
  ): Promise<ProjectMonthFacts> {
    const from = lookbackFrom(month);
    const to = monthOf(asOf) > month ? monthOf(asOf) : month;
    const { deposits, movements } = await this.deposits(manager, project.code, asOf);
    return {
      project,
      month,
      history: await this.statusHistory(manager, project.code),
      workerMonths: await this.workerMonths(manager, project.code, from, to),
      payments: await this.payrollToWorkers(manager, project.code, from, asOf),
      reports: await this.monthReports(manager, project.code, month),
      account: await this.accountFacts(manager, project.code, asOf),
      sheetTotals: await this.sheetTotals(manager, project.code, [month, previousMonth(month)]),
      roster: await this.roster(manager, project.code, asOf),
      debits: await this.debits(manager, project.code, month, asOf),
      payouts: await this.payouts(manager, project.code, month, asOf),
      cardRegistrations: await this.cardRegistrations(manager, project.code),
      cardNotMine: await this.cardNotMine(manager, project.code),
      deposits,
      movements,
      contractor: await this.contractorRecord(manager, project.contractorCreditCode, asOf),
      overrides,
      pendingRevision: await this.pendingRevision(manager, project.code, month, asOf),
      disputes: await this.disputes(manager, project.code, month),
      orders: await this.rectificationOrders(manager, project.code, month),
    };
  }

  /** Casework's rectification orders about the project-month (RECTIFICATION_OVERDUE). */
  async rectificationOrders(
    manager: EntityManager,
    projectCode: string,
    month: Month,
  ): Promise<RectificationOrder[]> {
    const rows: Record<string, string | string[] | boolean | Date | null>[] = await manager.query(
      `SELECT action_id, case_id, document_no, deadline::text, violations, orders_payment, amount_fen::text,
              ordered_at
         FROM rules.rectification_orders WHERE project_code = $1 AND month = $2 ORDER BY deadline, action_id`,
      [projectCode, month],
    );
    return rows.map((r) => ({
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

  /** The project's workers whose latest answer for a month says the card on the roll is not theirs. */
  async cardNotMine(manager: EntityManager, projectCode: string): Promise<CardNotMineAnswer[]> {
    const rows: Record<string, string>[] = await manager.query(
      `SELECT id_masked, name_masked, month FROM rules.worker_month_answers
        WHERE project_code = $1 AND result = 'DISPUTED' AND reason = 'CARD_NOT_MINE' ORDER BY month, id_masked`,
      [projectCode],
    );
    return rows.map((r) => ({ idMasked: r.id_masked, nameMasked: r.name_masked, month: r.month }));
  }

  /** The month's standing disputes: each worker's latest answer, where it is a dispute. */
  async disputes(manager: EntityManager, projectCode: string, month: Month): Promise<WorkerDispute[]> {
    const rows: Record<string, string | Date>[] = await manager.query(
      `SELECT id_hash, id_masked, name_masked, reason, answered_at FROM rules.worker_month_answers
        WHERE project_code = $1 AND month = $2 AND result = 'DISPUTED' ORDER BY answered_at, id_hash`,
      [projectCode, month],
    );
    return rows.map((r) => ({
      idHash: r.id_hash as string,
      idMasked: r.id_masked as string,
      nameMasked: r.name_masked as string,
      reason: r.reason as WorkerDispute['reason'],
      answeredAt: new Date(r.answered_at),
    }));
  }

  /** The month's latest pay-sheet revision submitted by `asOf` and not decided by then, its lines masked. */
  async pendingRevision(
    manager: EntityManager,
    projectCode: string,
    month: Month,
    asOf: Date,
  ): Promise<PendingPaySheetRevision | null> {
    const [row]: Record<string, unknown>[] = await manager.query(
      `SELECT r.revision_id, r.submitted_at, r.deadline::text, r.totals, r.original_totals, r.lines_lowered,
              r.workers_dropped,
              (SELECT coalesce(json_agg(x ORDER BY x."idMasked", x.worker_id), '[]'::json) FROM (
                 SELECT w.id_masked AS "idMasked", w.name, (l->>'originalNetPayFen')::float8 AS "originalNetPayFen",
                        (l->>'revisedNetPayFen')::float8 AS "revisedNetPayFen", w.worker_id
                 FROM jsonb_array_elements(r.lowered) l
                 JOIN rules.workers w ON w.worker_id = (l->>'workerId')::uuid
                 ORDER BY w.id_masked, w.worker_id LIMIT $4) x) AS lowered
       FROM rules.pay_sheet_revisions r
       WHERE r.project_code = $1 AND r.month = $2 AND r.submitted_at <= $3
         AND (r.decided_at IS NULL OR r.decided_at > $3)
       ORDER BY r.submitted_at DESC, r.revision_id LIMIT 1`,
      [projectCode, month, asOf, MAX_REVISION_LINES_IN_EVIDENCE],
    );
    if (!row) return null;
    type Line = PendingPaySheetRevision['lowered'][number] & { name: string | null };
    return {
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
    };
  }

  async projects(manager: EntityManager, projectCode?: string): Promise<ProjectRow[]> {
    const rows: Record<string, string | number>[] = await manager.query(
      `SELECT code, region_code, grid_code, contractor_credit_code, contract_amount_fen::text, start_date::text,
         payday
       FROM rules.projects WHERE $1::text IS NULL OR code = $1 ORDER BY code`,
      [projectCode ?? null],
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

  async statusHistory(manager: EntityManager, projectCode: string): Promise<StatusChange[]> {
    const rows: { effective_date: string; status: StatusChange['status'] }[] = await manager.query(
      `SELECT effective_date::text, status FROM rules.project_status_changes
       WHERE project_code = $1 ORDER BY effective_date, recorded_at`,
      [projectCode],
    );
    return rows.map((r) => ({ status: r.status, effectiveDate: r.effective_date }));
  }

  /** Every worker's months from `from` to `to` (attendance and/or a current pay-sheet line). */
  async workerMonths(
    manager: EntityManager,
    projectCode: string,
    from: Month,
    to: Month,
  ): Promise<WorkerMonthRow[]> {
    const rows: Record<string, string | number | null>[] = await manager.query(
      `WITH sheet AS (
         SELECT ps.month, l.id_hash, l.net_pay_fen
         FROM rules.pay_sheets ps JOIN rules.pay_sheet_lines l ON l.submission_id = ps.submission_id
         WHERE ps.project_code = $1 AND ps.month BETWEEN $2 AND $3
       ), att AS (
         SELECT month, id_hash, days_worked FROM rules.attendance
         WHERE project_code = $1 AND month BETWEEN $2 AND $3
       ), roll AS (
         SELECT DISTINCT ON (id_hash) id_hash, id_masked, name, card_masked FROM rules.workers
         WHERE project_code = $1 ORDER BY id_hash, entry_date DESC
       )
       SELECT coalesce(s.month, a.month) AS month, roll.id_hash, roll.id_masked, roll.name, roll.card_masked,
              coalesce(a.days_worked, 0) AS days_worked, s.net_pay_fen::text AS net_pay_fen
       FROM sheet s FULL JOIN att a ON a.month = s.month AND a.id_hash = s.id_hash
       JOIN roll ON roll.id_hash = coalesce(s.id_hash, a.id_hash)
       ORDER BY roll.id_hash, 1`,
      [projectCode, from, to],
    );
    return rows.map((r) => ({
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
   * from `from` on: naming such a month, or naming none and made since it began.
   */
  async payrollToWorkers(
    manager: EntityManager,
    projectCode: string,
    from: Month,
    asOf: Date,
  ): Promise<WorkerPayment[]> {
    const rows: Record<string, string | Date | null>[] = await manager.query(
      `SELECT DISTINCT ON (t.account_number, t.serial_no)
              w.id_hash, t.serial_no, t.amount_fen::text, t.occurred_at, t.payroll_month
       FROM rules.transactions t
       JOIN rules.workers w ON w.project_code = t.project_code
         AND (w.card_hash = t.counterparty_account_hash OR w.id_hash = t.counterparty_id_hash)
       WHERE t.project_code = $1 AND t.kind = 'PAYROLL' AND t.direction = 'DEBIT' AND t.occurred_at <= $3
         AND (t.payroll_month >= $2
              OR (t.payroll_month IS NULL AND t.occurred_at >= (($2 || '-01')::timestamp AT TIME ZONE ${SHANGHAI})))
       ORDER BY t.account_number, t.serial_no, (w.card_hash = t.counterparty_account_hash) DESC NULLS LAST`,
      [projectCode, from, asOf],
    );
    return rows.map((r) => ({
      idHash: String(r.id_hash),
      serialNo: String(r.serial_no),
      amountFen: fen(r.amount_fen as string),
      occurredAt: r.occurred_at as Date,
      ...(r.payroll_month !== null && { payrollMonth: String(r.payroll_month) }),
    }));
  }

  /** The current pay sheet's net total per month, for the months given (missing: no sheet). */
  async sheetTotals(manager: EntityManager, projectCode: string, months: Month[]): Promise<Map<Month, Fen>> {
    const rows: { month: string; net: string }[] = await manager.query(
      `SELECT ps.month, sum(l.net_pay_fen)::text AS net
       FROM rules.pay_sheets ps JOIN rules.pay_sheet_lines l ON l.submission_id = ps.submission_id
       WHERE ps.project_code = $1 AND ps.month = ANY($2::text[]) GROUP BY ps.month`,
      [projectCode, months],
    );
    return new Map(rows.map((r) => [r.month, fen(r.net)]));
  }

  async monthReports(
    manager: EntityManager,
    projectCode: string,
    month: Month,
  ): Promise<{ paySheetSubmittedAt: Date | null; attendanceReportedAt: Date | null }> {
    const [row]: { sheet: Date | null; attendance: Date | null }[] = await manager.query(
      `SELECT (SELECT first_submitted_at FROM rules.pay_sheets WHERE project_code = $1 AND month = $2) AS sheet,
              (SELECT first_reported_at FROM rules.attendance_months WHERE project_code = $1 AND month = $2)
                AS attendance`,
      [projectCode, month],
    );
    return { paySheetSubmittedAt: row.sheet, attendanceReportedAt: row.attendance };
  }

  async accountFacts(
    manager: EntityManager,
    projectCode: string,
    asOf: Date,
  ): Promise<ProjectMonthFacts['account']> {
    const [account]: { opened_on: string | null; balance: string; statement_through: Date | null }[] =
      await manager.query(
        // With several accounts, the feed is complete only as far as the least complete one that ever stated it.
        `SELECT (SELECT min(opened_on)::text FROM rules.accounts WHERE project_code = $1) AS opened_on,
              (SELECT min(statement_through) FROM rules.accounts WHERE project_code = $1) AS statement_through,
              (SELECT coalesce(sum(CASE WHEN direction = 'CREDIT' THEN amount_fen ELSE -amount_fen END), 0)::text
               FROM rules.transactions WHERE project_code = $1 AND occurred_at <= $2) AS balance`,
        [projectCode, asOf],
      );
    const appropriations: { month: string; fen: string }[] = await manager.query(
      `SELECT to_char(occurred_at AT TIME ZONE ${SHANGHAI}, 'YYYY-MM') AS month, sum(amount_fen)::text AS fen
       FROM rules.transactions
       WHERE project_code = $1 AND kind = 'APPROPRIATION' AND direction = 'CREDIT' AND occurred_at <= $2
       GROUP BY 1`,
      [projectCode, asOf],
    );
    return {
      accountOpenedOn: account.opened_on,
      statementThrough: account.statement_through,
      balanceFen: fen(account.balance),
      appropriatedFenByMonth: Object.fromEntries(appropriations.map((r) => [r.month, fen(r.fen)])),
    };
  }

  /** The month's debits (Shanghai month of occurrence, up to `asOf`) with each account's balance just before. */
  async debits(
    manager: EntityManager,
    projectCode: string,
    month: Month,
    asOf: Date,
  ): Promise<AccountDebit[]> {
    const rows: Record<string, string | Date | null>[] = await manager.query(
      `SELECT * FROM (
         SELECT t.*, coalesce(sum(CASE WHEN direction = 'CREDIT' THEN amount_fen ELSE -amount_fen END)
                  OVER (PARTITION BY account_number ORDER BY occurred_at, serial_no
                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::text AS balance_before
         FROM rules.transactions t WHERE t.project_code = $1 AND t.occurred_at <= $3
       ) x
       WHERE direction = 'DEBIT' AND to_char(occurred_at AT TIME ZONE ${SHANGHAI}, 'YYYY-MM') = $2
       ORDER BY occurred_at, serial_no`,
      [projectCode, month, asOf],
    );
    return rows.map((r) => ({
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

  async roster(
    manager: EntityManager,
    projectCode: string,
    asOf: Date,
  ): Promise<{ cardHashes: Set<string>; idHashes: Set<string>; registeredByAsOf: number }> {
    const rows: { card_hash: string | null; id_hash: string; registered: boolean }[] = await manager.query(
      `SELECT card_hash, id_hash, entry_date <= ($2::timestamptz AT TIME ZONE ${SHANGHAI})::date AS registered
       FROM rules.workers WHERE project_code = $1`,
      [projectCode, asOf],
    );
    return {
      cardHashes: new Set(rows.flatMap((r) => (r.card_hash === null ? [] : [r.card_hash]))),
      idHashes: new Set(rows.map((r) => r.id_hash)),
      registeredByAsOf: rows.filter((r) => r.registered).length,
    };
  }

  /** Payroll each worker received in the month and in its year up to the month's end (by payment date). */
  async payouts(
    manager: EntityManager,
    projectCode: string,
    month: Month,
    asOf: Date,
  ): Promise<(WorkerRef & { paidInMonthFen: Fen; paidInYearFen: Fen })[]> {
    const rows: Record<string, string | null>[] = await manager.query(
      `WITH paid AS (
         SELECT DISTINCT ON (t.account_number, t.serial_no) w.id_hash, w.id_masked, w.name, w.card_masked,
                t.amount_fen, to_char(t.occurred_at AT TIME ZONE ${SHANGHAI}, 'YYYY-MM') AS month
         FROM rules.transactions t
         JOIN rules.workers w ON w.project_code = t.project_code
           AND (w.card_hash = t.counterparty_account_hash OR w.id_hash = t.counterparty_id_hash)
         WHERE t.project_code = $1 AND t.kind = 'PAYROLL' AND t.direction = 'DEBIT' AND t.occurred_at <= $3
         ORDER BY t.account_number, t.serial_no, (w.card_hash = t.counterparty_account_hash) DESC NULLS LAST
       )
       SELECT id_hash, min(id_masked) AS id_masked, min(name) AS name, min(card_masked) AS card_masked,
              coalesce(sum(amount_fen) FILTER (WHERE month = $2), 0)::text AS in_month,
              sum(amount_fen)::text AS in_year
       FROM paid WHERE month BETWEEN substr($2, 1, 4) || '-01' AND $2
       GROUP BY id_hash`,
      [projectCode, month, asOf],
    );
    return rows.map((r) => ({
      idHash: String(r.id_hash),
      idMasked: String(r.id_masked),
      name: String(r.name),
      ...(r.card_masked !== null && { cardMasked: String(r.card_masked) }),
      paidInMonthFen: fen(r.in_month),
      paidInYearFen: fen(r.in_year),
    }));
  }

  /** Every registration (any project) of a card that one of this project's workers uses. */
  async cardRegistrations(manager: EntityManager, projectCode: string): Promise<CardRegistration[]> {
    const rows: Record<string, string>[] = await manager.query(
      `SELECT o.id_hash, o.id_masked, o.name, o.card_hash, o.card_masked, o.project_code
       FROM rules.workers o
       -- = ANY(ARRAY(...)) looks each of the project's cards up in workers_card_idx; the IN (subquery) form was
       -- planned as a scan of every worker of every project, once per project (measured in bench/README.md).
       WHERE o.card_hash = ANY (ARRAY(
         SELECT card_hash FROM rules.workers WHERE project_code = $1 AND card_hash IS NOT NULL))
       ORDER BY o.card_hash, o.project_code, o.id_hash`,
      [projectCode],
    );
    return rows.map((r) => ({
      idHash: r.id_hash,
      idMasked: r.id_masked,
      name: r.name,
      cardHash: r.card_hash,
      cardMasked: r.card_masked,
      projectCode: r.project_code,
    }));
  }

  async deposits(
    manager: EntityManager,
    projectCode: string,
    asOf: Date,
  ): Promise<{ deposits: DepositRecord[]; movements: DepositMovement[] }> {
    const deposits: Record<string, string | null>[] = await manager.query(
      `SELECT deposit_id, form, amount_fen::text, effective_on::text, expires_on::text, reference
       FROM rules.deposits WHERE project_code = $1 ORDER BY effective_on, deposit_id`,
      [projectCode],
    );
    const movements: Record<string, string | Date>[] = await manager.query(
      `SELECT m.deposit_id, m.kind, m.amount_fen::text, m.occurred_at
       FROM rules.deposit_movements m JOIN rules.deposits d ON d.deposit_id = m.deposit_id
       WHERE d.project_code = $1 AND m.occurred_at <= $2 ORDER BY m.occurred_at`,
      [projectCode, asOf],
    );
    return {
      deposits: deposits.map((d) => ({
        depositId: String(d.deposit_id),
        form: d.form as DepositRecord['form'],
        amountFen: fen(d.amount_fen),
        effectiveOn: String(d.effective_on),
        ...(d.expires_on !== null && { expiresOn: d.expires_on }),
        ...(d.reference !== null && { reference: d.reference }),
      })),
      movements: movements.map((m) => ({
        depositId: String(m.deposit_id),
        kind: m.kind as DepositMovement['kind'],
        amountFen: fen(m.amount_fen as string),
        occurredAt: m.occurred_at as Date,
      })),
    };
  }

  /**
   * The contractor's record across its projects: first registration, and the arrears that stood — WAGE_ARREARS
   * alerts raised past the settle period (pending verdicts never count) and not dismissed by an inspector, and
   * cases closed with a finding of unpaid wages (`case:<id>`); its integrity grade in force and whether it is on
   * the blacklist on the day of `asOf`.
   */
  async contractorRecord(
    manager: EntityManager,
    creditCode: string,
    asOf: Date,
  ): Promise<ProjectMonthFacts['contractor']> {
    const [row]: {
      since: string;
      arrears: string | null;
      keys: string[] | null;
      grade: string | null;
      grade_year: number | null;
      unpaid_wages: boolean | null;
      a_years: number | null;
      listed: boolean;
    }[] = await manager.query(
      `WITH stood AS (
         SELECT a.alert_key, (a.raised_at AT TIME ZONE ${SHANGHAI})::date AS raised_on
         FROM rules.alerts a JOIN rules.projects p ON p.code = a.project_code
         WHERE p.contractor_credit_code = $1 AND a.code = 'WAGE_ARREARS' AND a.raised_at IS NOT NULL
           AND a.raised_at <= $2 AND a.dismissed_at IS NULL
         UNION ALL
         SELECT 'case:' || f.case_id, (f.found_at AT TIME ZONE ${SHANGHAI})::date
         FROM rules.employer_findings f WHERE f.credit_code = $1 AND f.found_at <= $2
       ), today AS (SELECT ($2::timestamptz AT TIME ZONE ${SHANGHAI})::date AS d)
       SELECT (SELECT min((registered_at AT TIME ZONE ${SHANGHAI})::date)::text FROM rules.projects
               WHERE contractor_credit_code = $1) AS since,
              (SELECT max(raised_on)::text FROM stood) AS arrears,
              (SELECT array_agg(alert_key ORDER BY raised_on DESC, alert_key) FROM
                 (SELECT * FROM stood ORDER BY raised_on DESC, alert_key LIMIT 20) recent) AS keys,
              g.grade, g.year AS grade_year, g.unpaid_wages, g.consecutive_a_years AS a_years,
              EXISTS (SELECT 1 FROM rules.employer_listings l, today
                      WHERE l.credit_code = $1 AND l.decided_on <= today.d AND l.listed_until >= today.d
                        AND (l.delisted_on IS NULL OR l.delisted_on > today.d)) AS listed
       FROM (SELECT 1) one
       LEFT JOIN LATERAL (
         SELECT * FROM rules.employer_grades
         WHERE credit_code = $1 AND assigned_at <= $2
         ORDER BY year DESC, assigned_at DESC LIMIT 1
       ) g ON TRUE`,
      [creditCode, asOf],
    );
    return {
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
    };
  }
}
