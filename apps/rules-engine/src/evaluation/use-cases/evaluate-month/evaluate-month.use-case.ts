import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MonthlyAssessmentCompleted } from '@wage/contracts';
import {
  attributePayments,
  dateInShanghai,
  depositInForce,
  evaluateAbnormalPayout,
  evaluateBalanceShortfall,
  evaluateDepositShortfall,
  evaluateFundsDiverted,
  evaluateGuaranteeExpiring,
  evaluateLaborCost,
  evaluateNoWageAccount,
  evaluatePayeeNotOnRoster,
  evaluatePaySheetMissing,
  evaluateRealNameGap,
  evaluateSharedBankCard,
  evaluateWageArrears,
  evaluateWageUnderpaid,
  isDue,
  lastDayOfMonth,
  type Month,
  monthOf,
  monthOfDate,
  type ParameterOverride,
  type ParameterSource,
  previousMonth,
  requiredDeposit,
  resolveParameters,
  statusOn,
  suppression,
  wageDeadline,
  type Finding,
  type RuleCode,
  type StatusChange,
  type WorkerMonth,
} from '@wage/domain';
import { newEvent, OutboxWriter } from '@wage/platform';
import { AlertLedger, type LedgerCounts, type RuleVerdict } from '../../alert-ledger';
import { MonthFactsRepository, type ProjectRow, type WorkerPayment } from '../../month-facts.repository';
import { RuleOverridesRepository } from '../../rule-overrides.repository';

export interface EvaluationRequest {
  /** Default: the month of `asOf` and the one before it. */
  month?: Month;
  projectCode?: string;
  /** Default: now. */
  asOf?: Date;
}

export interface EvaluationCounts extends LedgerCounts {
  /** Project-months evaluated. */
  evaluated: number;
}

/** How far back a payment without payrollMonth is looked for: it pays the earliest month still owed. */
const ATTRIBUTION_LOOKBACK_MONTHS = 6;

/**
 * Runs every rule of the catalogue for project-months as of an instant, reconciles the verdicts with the alerts
 * already published, and publishes the month's assessment when it changed. One transaction per project-month,
 * serialised per project by an advisory lock so that event-driven, scheduled and on-demand runs never race.
 */
@Injectable()
export class EvaluateMonthUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facts: MonthFactsRepository,
    private readonly overrides: RuleOverridesRepository,
    private readonly ledger: AlertLedger,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(request: EvaluationRequest): Promise<EvaluationCounts> {
    const asOf = request.asOf ?? new Date();
    const months = request.month ? [request.month] : [previousMonth(monthOf(asOf)), monthOf(asOf)];
    const projects = await this.facts.projects(this.dataSource.manager, request.projectCode);
    const counts: EvaluationCounts = { evaluated: 0, raised: 0, updated: 0, cleared: 0 };
    for (const project of projects) {
      for (const month of months) {
        add(counts, await this.evaluateProjectMonth(project.code, month, asOf));
      }
    }
    return counts;
  }

  /** Evaluates one project-month in its own transaction; nothing when the project is unknown or not started. */
  async evaluateProjectMonth(projectCode: string, month: Month, asOf: Date): Promise<EvaluationCounts> {
    return this.dataSource.transaction((manager) => this.evaluateIn(manager, projectCode, month, asOf));
  }

  async evaluateIn(
    manager: EntityManager,
    projectCode: string,
    month: Month,
    asOf: Date,
  ): Promise<EvaluationCounts> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('rules-engine:' || $1))`, [projectCode]);
    const [project] = await this.facts.projects(manager, projectCode);
    const none = { evaluated: 0, raised: 0, updated: 0, cleared: 0 };
    if (!project || month < monthOfDate(project.startDate) || month > monthOf(asOf)) return none;
    const overrides = await this.overrides.all(manager);
    const { verdicts, assessment } = await this.verdicts(manager, project, month, asOf, overrides);
    const counts = await this.ledger.reconcile(manager, project, verdicts, asOf);
    await this.publishAssessment(manager, project, month, asOf, assessment);
    return { evaluated: 1, ...counts };
  }

  private async verdicts(
    manager: EntityManager,
    project: ProjectRow,
    month: Month,
    asOf: Date,
    overrides: ParameterOverride[],
  ) {
    const today = dateInShanghai(asOf);
    const { parameters: p, sources } = resolveParameters(overrides, project.regionCode, today);
    const history = await this.facts.statusHistory(manager, project.code);
    const context = { month, payday: project.payday, asOf };

    const workers = await this.workerMonths(manager, project, month, asOf, p.WAGE_ARREARS.graceDays);
    const reports = await this.facts.monthReports(manager, project.code, month);
    const account = await this.facts.accountFacts(manager, project.code, asOf);
    const sheetTotals = await this.facts.sheetTotals(manager, project.code, [month, previousMonth(month)]);
    const roster = await this.facts.roster(manager, project.code, asOf);
    const debits = await this.facts.debits(manager, project.code, month, asOf);
    const { deposits, movements } = await this.facts.deposits(manager, project.code, asOf);
    const contractor = await this.facts.contractorRecord(manager, project.contractorCreditCode);
    const required = requiredDeposit(
      project.contractAmountFen,
      {
        ...contractor,
        // No blacklist reaches the platform yet: every contractor is taken as not blacklisted.
        blacklisted: false,
        usesRealNameManagement: roster.idHashes.size > 0,
        usesDedicatedAccount: account.accountOpenedOn !== null,
      },
      today,
      p.DEPOSIT_SHORTFALL,
    );
    const inForce = depositInForce(deposits, movements, today);
    const lastDrawdown = movements.filter((m) => m.kind === 'DRAWDOWN').pop();
    const currentStatus = statusOn(history, today)?.status ?? 'IN_CONSTRUCTION';
    const inConstruction = currentStatus === 'IN_CONSTRUCTION';

    const findings: [RuleCode, Month | null, Finding | null][] = [
      ['WAGE_ARREARS', month, evaluateWageArrears({ ...context, workers, parameters: p.WAGE_ARREARS })],
      ['WAGE_UNDERPAID', month, evaluateWageUnderpaid({ ...context, workers, parameters: p.WAGE_UNDERPAID })],
      [
        'PAY_SHEET_MISSING',
        month,
        evaluatePaySheetMissing({
          ...context,
          workersWithAttendance: workers,
          paySheetSubmittedAt: reports.paySheetSubmittedAt,
          parameters: p.PAY_SHEET_MISSING,
        }),
      ],
      [
        'LABOR_COST_NOT_APPROPRIATED',
        month,
        evaluateLaborCost({
          month,
          projectStartDate: project.startDate,
          appropriatedFenByMonth: account.appropriatedFenByMonth,
          asOf,
          parameters: p.LABOR_COST_NOT_APPROPRIATED,
        }),
      ],
      [
        'ACCOUNT_BALANCE_SHORTFALL',
        month,
        // Without an account there is no balance to watch: NO_WAGE_ACCOUNT reports that.
        account.accountOpenedOn === null
          ? null
          : evaluateBalanceShortfall({
              month,
              payday: project.payday,
              balanceFen: account.balanceFen,
              sheetNetPayFen: sheetTotals.get(month) ?? null,
              previousMonthNetPayFen: sheetTotals.get(previousMonth(month)) ?? null,
              paidFen: workers.reduce((total, w) => total + w.paidFen, 0),
              asOf,
              parameters: p.ACCOUNT_BALANCE_SHORTFALL,
            }),
      ],
      [
        'FUNDS_DIVERTED',
        month,
        evaluateFundsDiverted({ month, debits, roster, parameters: p.FUNDS_DIVERTED }),
      ],
      ['PAYEE_NOT_ON_ROSTER', month, evaluatePayeeNotOnRoster({ month, debits, roster })],
      [
        'ABNORMAL_PAYOUT',
        month,
        evaluateAbnormalPayout({
          month,
          workers: await this.facts.payouts(manager, project.code, month, asOf),
          parameters: p.ABNORMAL_PAYOUT,
        }),
      ],
      [
        'REAL_NAME_GAP',
        month,
        evaluateRealNameGap({
          ...context,
          rosterSize: roster.registeredByAsOf,
          attendanceReportedAt: reports.attendanceReportedAt,
          parameters: p.REAL_NAME_GAP,
        }),
      ],
      [
        'DEPOSIT_SHORTFALL',
        null,
        evaluateDepositShortfall({
          projectStartDate: project.startDate,
          required,
          inForceFen: inForce.totalFen,
          lastDrawdownOn: lastDrawdown ? dateInShanghai(lastDrawdown.occurredAt) : null,
          asOf,
          parameters: p.DEPOSIT_SHORTFALL,
        }),
      ],
      [
        'DEPOSIT_GUARANTEE_EXPIRING',
        null,
        evaluateGuaranteeExpiring({
          guarantees: inForce.guarantees,
          requiredFen: required.requiredFen,
          depositInForceFen: inForce.totalFen,
          inConstruction,
          asOf,
          parameters: p.DEPOSIT_GUARANTEE_EXPIRING,
        }),
      ],
      [
        'SHARED_BANK_CARD',
        null,
        evaluateSharedBankCard({
          projectCode: project.code,
          registrations: await this.facts.cardRegistrations(manager, project.code),
        }),
      ],
      [
        'NO_WAGE_ACCOUNT',
        null,
        evaluateNoWageAccount({
          startDate: project.startDate,
          accountOpenedOn: account.accountOpenedOn,
          asOf,
          parameters: p.NO_WAGE_ACCOUNT,
        }),
      ],
    ];
    const verdicts: RuleVerdict[] = findings.map(([code, m, finding]) => ({
      code,
      month: m,
      finding,
      suppression: suppression(code, m, history, today),
      parameterSources: sources[code] as Record<string, ParameterSource>,
    }));

    const endOfMonth = lastDayOfMonth(month);
    const endInForce = depositInForce(deposits, movements, endOfMonth);
    const assessment = monthAssessment({
      history,
      month,
      workers,
      realName: roster.idHashes.size > 0 && reports.attendanceReportedAt !== null,
      wageAccount: account.accountOpenedOn !== null && account.accountOpenedOn <= endOfMonth,
      deposit: required.exempt || endInForce.totalFen >= required.requiredFen,
    });
    return { verdicts, assessment };
  }

  /** The month's workers with what was paid for it, attributed per worker over the recent months. */
  private async workerMonths(
    manager: EntityManager,
    project: ProjectRow,
    month: Month,
    asOf: Date,
    graceDays: number,
  ): Promise<(WorkerMonth & { paidByDeadlineFen: number })[]> {
    const from = lookbackFrom(month);
    const to = monthOf(asOf) > month ? monthOf(asOf) : month;
    const rows = await this.facts.workerMonths(manager, project.code, from, to);
    const payments = await this.facts.payrollToWorkers(manager, project.code, from, asOf);
    const paymentsByWorker = new Map<string, WorkerPayment[]>();
    for (const payment of payments) {
      paymentsByWorker.set(payment.idHash, [...(paymentsByWorker.get(payment.idHash) ?? []), payment]);
    }
    const deadline = wageDeadline(month, { payday: project.payday, graceDays }).deadlineInstant;
    const monthsByWorker = new Map<string, typeof rows>();
    for (const row of rows) monthsByWorker.set(row.idHash, [...(monthsByWorker.get(row.idHash) ?? []), row]);
    return rows
      .filter((row) => row.month === month)
      .map(({ month: _month, ...worker }) => {
        const attribution = attributePayments(
          monthsByWorker.get(worker.idHash)!.map((r) => ({ month: r.month, netPayFen: r.netPayFen })),
          paymentsByWorker.get(worker.idHash) ?? [],
          { deadlines: { [month]: deadline }, asOf },
        ).months.find((m) => m.month === month);
        return {
          ...worker,
          paidFen: attribution?.paidFen ?? 0,
          paidByDeadlineFen: attribution?.paidByDeadlineFen ?? 0,
        };
      });
  }

  /** Publishes the month's standing when it differs from what was last published for it. */
  private async publishAssessment(
    manager: EntityManager,
    project: ProjectRow,
    month: Month,
    asOf: Date,
    assessment: ReturnType<typeof monthAssessment>,
  ): Promise<void> {
    const data = { projectCode: project.code, regionCode: project.regionCode, month, ...assessment };
    const hash = createHash('sha256').update(JSON.stringify(data)).digest('hex');
    const changed: unknown[] = await manager.query(
      `INSERT INTO rules.assessments (project_code, month, facts_hash, evaluated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (project_code, month) DO UPDATE SET facts_hash = EXCLUDED.facts_hash,
         evaluated_at = EXCLUDED.evaluated_at
       WHERE rules.assessments.facts_hash <> EXCLUDED.facts_hash
       RETURNING project_code`,
      [project.code, month, hash, asOf],
    );
    if (changed.length === 0) return;
    await this.outbox.append(manager, [
      newEvent(MonthlyAssessmentCompleted, project.code, { ...data, evaluatedAt: asOf.toISOString() }),
    ]);
  }
}

function lookbackFrom(month: Month): Month {
  let from = month;
  for (let i = 0; i < ATTRIBUTION_LOOKBACK_MONTHS; i += 1) from = previousMonth(from);
  return from;
}

/**
 * Coverage facts for one project-month (DOMAIN.md, coverage). A worker is paid through the account when any
 * payroll from it was attributed to the month; paid in full when the payroll by the deadline reached the sheet's
 * net pay (without a sheet line, any payment by the deadline).
 */
function monthAssessment(input: {
  history: StatusChange[];
  month: Month;
  workers: (WorkerMonth & { paidByDeadlineFen: number })[];
  realName: boolean;
  wageAccount: boolean;
  deposit: boolean;
}) {
  const { history, month, workers } = input;
  const endOfMonth = lastDayOfMonth(month);
  const status = statusOn(history, endOfMonth)?.status ?? 'IN_CONSTRUCTION';
  const inConstruction = !suppression('REAL_NAME_GAP', month, history, endOfMonth).suppressed;
  const due = workers.filter(isDue);
  const paidInFull = (w: WorkerMonth, paid: number) =>
    w.netPayFen === null ? paid > 0 : paid >= w.netPayFen;
  const workersPaidInFull = due.filter((w) => paidInFull(w, w.paidFen)).length;
  const paymentApplies = inConstruction && due.length > 0;
  const applies = <T>(yes: boolean, value: T) => (yes ? value : null);
  return {
    status,
    inConstruction,
    coverage: {
      realName: applies(inConstruction, input.realName),
      wageAccount: applies(inConstruction, input.wageAccount),
      deposit: applies(inConstruction, input.deposit),
      bankPayroll: applies(
        paymentApplies,
        due.every((w) => w.paidFen > 0),
      ),
      monthlyFullPayment: applies(
        paymentApplies,
        due.every((w) => paidInFull(w, w.paidByDeadlineFen)),
      ),
    },
    workersDue: due.length,
    workersPaidInFull,
    amountDueFen: due.reduce((total, w) => total + (w.netPayFen ?? 0), 0),
    amountPaidFen: due.reduce((total, w) => total + w.paidFen, 0),
  };
}

function add(total: EvaluationCounts, counts: EvaluationCounts): void {
  total.evaluated += counts.evaluated;
  total.raised += counts.raised;
  total.updated += counts.updated;
  total.cleared += counts.cleared;
}
