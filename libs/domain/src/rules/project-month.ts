import { wageDeadline } from '../deadline';
import type { Fen } from '../money';
import {
  addCalendarDays,
  dateInShanghai,
  endOfDayShanghai,
  type IsoDate,
  lastDayOfMonth,
  type Month,
  previousMonth,
} from '../month';
import type { RegionCode } from '../region';
import { addWorkingDays } from '../working-days';
import { evaluateAbnormalPayout, type WorkerPayout } from './abnormal-payout';
import { evaluateAccountBalanceShortfall } from './account-balance-shortfall';
import { evaluateBankFeedStale } from './bank-feed-stale';
import { monthParameterBasis } from './closed-months';
import {
  type ContractorRecord,
  type DepositMovement,
  type DepositRecord,
  depositInForce,
  requiredDeposit,
} from './deposit';
import { evaluateDepositGuaranteeExpiring } from './deposit-guarantee-expiring';
import { evaluateDepositShortfall } from './deposit-shortfall';
import { type FactValue, type Finding, type RuleCode } from './finding';
import { evaluateFundsDiverted } from './funds-diverted';
import { evaluateLaborCostNotAppropriated } from './labor-cost-not-appropriated';
import { evaluateNoWageAccount } from './no-wage-account';
import { type ParameterOverride, type ParameterSource, resolveParameters } from './parameters';
import { evaluatePaySheetMissing } from './pay-sheet-missing';
import { attributePayments, type PayrollPayment } from './payment-attribution';
import { evaluatePayeeNotOnRoster } from './payee-not-on-roster';
import { evaluateRealNameGap } from './real-name-gap';
import { type RectificationOrder, rectificationOverdueVerdict } from './rectification-overdue';
import { type CardNotMineAnswer, type CardRegistration, evaluateSharedBankCard } from './shared-bank-card';
import { type StatusChange, statusOn, type Suppression, suppression } from './suppression';
import { type AccountDebit, type RosterIndex } from './transactions';
import { evaluateWageArrears } from './wage-arrears';
import { isDue, type WorkerMonth } from './wage-month';
import { evaluateWageUnderpaid } from './wage-underpaid';
import { evaluateWorkerPayDisputed, type WorkerDispute } from './worker-pay-disputed';

/**
 * Rules that fire because something is *not* in the data (docs/domain.md, alert lifecycle). Data arrive in bursts
 * and out of order, so their verdicts are pending first and raised only when they still hold after the settle
 * period. The others fire on evidence — a fact that happened — and are raised at once.
 */
export const ABSENCE_RULES: ReadonlySet<RuleCode> = new Set<RuleCode>([
  'WAGE_ARREARS',
  'WAGE_UNDERPAID',
  'PAY_SHEET_MISSING',
  'REAL_NAME_GAP',
  'LABOR_COST_NOT_APPROPRIATED',
  'ACCOUNT_BALANCE_SHORTFALL',
  'DEPOSIT_SHORTFALL',
  'NO_WAGE_ACCOUNT',
  // A payment did happen, but what makes it a violation is an absence: its payee is not on the roll. Banks' feeds
  // often arrive before the project's roll (a district's history pushed in bulk), so it settles too.
  'PAYEE_NOT_ON_ROSTER',
  // A statement that does not cover a deadline yet: the absence of a newer one. A bank sending its history day by
  // day states each day's completeness in turn, so the verdict must hold for the settle period too.
  'BANK_FEED_STALE',
  // An order's deadline passed and the wages are still not in the data: it settles like the arrears it is about.
  'RECTIFICATION_OVERDUE',
]);

/** How far back a payment without payrollMonth is looked for: it pays the earliest month still owed. */
export const ATTRIBUTION_LOOKBACK_MONTHS = 6;

/** The first month of the attribution look-back window that ends at `month`. */
export function lookbackFrom(month: Month): Month {
  let from = month;
  for (let i = 0; i < ATTRIBUTION_LOOKBACK_MONTHS; i += 1) from = previousMonth(from);
  return from;
}

/** One worker's row for one month of the look-back window: attendance and the pay-sheet line. */
export interface WorkerMonthRow extends Omit<WorkerMonth, 'paidFen'> {
  month: Month;
}

/** Payroll from the dedicated account that belongs to a worker on the roll (`idHash`). */
export interface WorkerPayment extends PayrollPayment {
  idHash: string;
}

/** Everything the rules read about one project-month, as the read model held it at `asOf`. */
export interface ProjectMonthFacts {
  project: {
    code: string;
    regionCode: RegionCode;
    startDate: IsoDate;
    payday: number;
    contractAmountFen: Fen;
  };
  month: Month;
  history: readonly StatusChange[];
  /** Rows of every month of the look-back window up to the later of `month` and the month of `asOf`. */
  workerMonths: readonly WorkerMonthRow[];
  payments: readonly WorkerPayment[];
  reports: { paySheetSubmittedAt: Date | null; attendanceReportedAt: Date | null };
  account: {
    accountOpenedOn: IsoDate | null;
    balanceFen: Fen;
    appropriatedFenByMonth: Readonly<Record<Month, Fen>>;
    /** The latest instant up to which the bank stated the account's feed complete; null if it never did. */
    statementThrough: Date | null;
  };
  /** The current pay sheet's net total of `month` and of the month before it. */
  sheetTotals: ReadonlyMap<Month, Fen>;
  roster: RosterIndex & { registeredByAsOf: number };
  debits: readonly AccountDebit[];
  payouts: readonly WorkerPayout[];
  cardRegistrations: readonly CardRegistration[];
  /** The project's workers whose standing dispute of a month says the card is not theirs (any month). */
  cardNotMine?: readonly CardNotMineAnswer[];
  deposits: readonly DepositRecord[];
  movements: readonly DepositMovement[];
  contractor: Omit<ContractorRecord, 'blacklisted' | 'usesRealNameManagement' | 'usesDedicatedAccount'> & {
    /** On the arrears blacklist (失信联合惩戒名单) on the day evaluated. */
    blacklisted?: boolean;
  };
  overrides: readonly ParameterOverride[];
  /** The month's pay-sheet revision awaiting an inspector at `asOf`, if any: shown, never counted. */
  pendingRevision?: PendingPaySheetRevision | null;
  /** The month's standing disputes by workers (workers' channel); none when absent. */
  disputes?: readonly WorkerDispute[];
  /** Rectification orders of casework about this project-month; none when absent. */
  orders?: readonly RectificationOrder[];
}

/**
 * A pay sheet sent after the month's deadline that lowers or drops lines of the sheet in force (更正), kept
 * beside it until an inspector accepts it. The payment rules judge the sheet in force and name this in their
 * evidence, so an inspector sees on the alert what the project asked to change.
 */
export interface PendingPaySheetRevision {
  revisionId: string;
  submittedAt: Date;
  /** The month's wage deadline the revision arrived after. */
  deadline: IsoDate;
  totals: { lines: number; grossPayFen: Fen; netPayFen: Fen };
  originalTotals: { lines: number; grossPayFen: Fen; netPayFen: Fen };
  linesLowered: number;
  workersDropped: number;
  /** Some of the lowered lines (all of `linesLowered` up to `MAX_REVISION_LINES_IN_EVIDENCE`), masked. */
  lowered: readonly {
    idMasked: string;
    name?: string;
    originalNetPayFen: Fen;
    /** Null: the worker is left out of the revision. */
    revisedNetPayFen: Fen | null;
  }[];
}

/** Lowered lines of a pending revision that an alert's evidence lists; `linesLowered` counts them all. */
export const MAX_REVISION_LINES_IN_EVIDENCE = 50;

export interface ProjectMonthVerdict {
  code: RuleCode;
  /** The month the rule is about, or null for a project-wide rule. */
  month: Month | null;
  finding: Finding | null;
  suppression: Suppression;
  /**
   * Set when the rule cannot judge yet because the data it needs may still be arriving (the bank's feed is not
   * complete through the deadline): the alert, if any, stays as it is — neither raised nor cleared.
   */
  withheld?: string;
  parameterSources: Readonly<Record<string, ParameterSource>>;
}

export interface WorkerMonthAssessed extends WorkerMonth {
  paidByDeadlineFen: Fen;
}

export type MonthAssessment = ReturnType<typeof monthAssessment>;

export interface ProjectMonthResult {
  verdicts: ProjectMonthVerdict[];
  assessment: MonthAssessment;
}

/**
 * Every rule of the catalogue for one project-month as of an instant: facts and the instant in, verdicts and the
 * month's coverage assessment out. The rules of that time apply (overrides effective on the day of `asOf`).
 */
export function evaluateProjectMonth(facts: ProjectMonthFacts, asOf: Date): ProjectMonthResult {
  const { project, month, account, roster } = facts;
  const today = dateInShanghai(asOf);
  // Project-wide rules by today's parameters; the month's own rules by those the month is judged by (a closed
  // month keeps the rules it closed with).
  const { parameters: p, sources: todaysSources } = resolveParameters(
    facts.overrides,
    project.regionCode,
    today,
  );
  const basis = monthParameterBasis(facts.overrides, month, today);
  const { parameters: mp, sources: monthSources } = resolveParameters(
    basis.overrides,
    project.regionCode,
    basis.onDate,
  );
  const context = { month, payday: project.payday, asOf };
  const workers = workersOfMonth(facts, mp.WAGE_ARREARS.graceDays, asOf);

  const contractor: ContractorRecord = {
    ...facts.contractor,
    blacklisted: facts.contractor.blacklisted ?? false,
    usesRealNameManagement: roster.idHashes.size > 0,
    usesDedicatedAccount: account.accountOpenedOn !== null,
  };
  const required = requiredDeposit(project.contractAmountFen, contractor, today, p.DEPOSIT_SHORTFALL);
  // What arrears added to the requirement is due `topUpWorkingDays` after them, not since the project's start.
  const requiredBeforeArrears = requiredDeposit(
    project.contractAmountFen,
    { ...contractor, lastArrearsOn: null },
    today,
    p.DEPOSIT_SHORTFALL,
  );
  const inForce = depositInForce(facts.deposits, facts.movements, today);
  const lastDrawdown = facts.movements.filter((m) => m.kind === 'DRAWDOWN').pop();
  const inConstruction = (statusOn(facts.history, today)?.status ?? 'IN_CONSTRUCTION') === 'IN_CONSTRUCTION';

  const arrearsDeadline = wageDeadline(month, {
    payday: project.payday,
    graceDays: mp.WAGE_ARREARS.graceDays,
  });
  const arrearsFeed = feedGate(
    arrearsDeadline.deadlineInstant,
    arrearsDeadline.deadline,
    account.statementThrough,
    mp.WAGE_ARREARS.bankFeedLagDays,
    asOf,
  );
  const underpaidDeadline = wageDeadline(month, {
    payday: project.payday,
    graceDays: mp.WAGE_UNDERPAID.graceDays,
  });
  const underpaidFeed = feedGate(
    underpaidDeadline.deadlineInstant,
    underpaidDeadline.deadline,
    account.statementThrough,
    mp.WAGE_UNDERPAID.bankFeedLagDays,
    asOf,
  );
  // Appropriations of month M are judged once the feed is complete through M's end, or the lag after the check.
  const laborCostCheck = addCalendarDays(
    lastDayOfMonth(month),
    mp.LABOR_COST_NOT_APPROPRIATED.appropriationGraceDays,
  );
  const laborCostFeed = feedGate(
    endOfDayShanghai(lastDayOfMonth(month)),
    laborCostCheck,
    account.statementThrough,
    mp.LABOR_COST_NOT_APPROPRIATED.bankFeedLagDays,
    asOf,
  );

  const verdicts: [RuleCode, Month | null, Finding | null, FeedGate | null][] = [
    [
      'WAGE_ARREARS',
      month,
      withRevision(
        withFeed(evaluateWageArrears({ ...context, workers, parameters: mp.WAGE_ARREARS }), arrearsFeed),
        facts.pendingRevision,
      ),
      arrearsFeed,
    ],
    [
      'WAGE_UNDERPAID',
      month,
      withRevision(
        withFeed(
          evaluateWageUnderpaid({ ...context, workers, parameters: mp.WAGE_UNDERPAID }),
          underpaidFeed,
        ),
        facts.pendingRevision,
      ),
      underpaidFeed,
    ],
    [
      'PAY_SHEET_MISSING',
      month,
      evaluatePaySheetMissing({
        ...context,
        workersWithAttendance: workers,
        paySheetSubmittedAt: facts.reports.paySheetSubmittedAt,
        parameters: mp.PAY_SHEET_MISSING,
      }),
      null,
    ],
    [
      'LABOR_COST_NOT_APPROPRIATED',
      month,
      withFeed(
        evaluateLaborCostNotAppropriated({
          month,
          projectStartDate: project.startDate,
          appropriatedFenByMonth: account.appropriatedFenByMonth,
          asOf,
          parameters: mp.LABOR_COST_NOT_APPROPRIATED,
        }),
        laborCostFeed,
      ),
      laborCostFeed,
    ],
    [
      'ACCOUNT_BALANCE_SHORTFALL',
      month,
      // Without an account there is no balance to watch: NO_WAGE_ACCOUNT reports that.
      account.accountOpenedOn === null
        ? null
        : evaluateAccountBalanceShortfall({
            month,
            payday: project.payday,
            balanceFen: account.balanceFen,
            sheetNetPayFen: facts.sheetTotals.get(month) ?? null,
            previousMonthNetPayFen: facts.sheetTotals.get(previousMonth(month)) ?? null,
            paidFen: workers.reduce((total, w) => total + w.paidFen, 0),
            asOf,
            parameters: mp.ACCOUNT_BALANCE_SHORTFALL,
          }),
      null,
    ],
    [
      'FUNDS_DIVERTED',
      month,
      evaluateFundsDiverted({ month, debits: facts.debits, roster, parameters: mp.FUNDS_DIVERTED }),
      null,
    ],
    ['PAYEE_NOT_ON_ROSTER', month, evaluatePayeeNotOnRoster({ month, debits: facts.debits, roster }), null],
    [
      'ABNORMAL_PAYOUT',
      month,
      evaluateAbnormalPayout({ month, workers: facts.payouts, parameters: mp.ABNORMAL_PAYOUT }),
      null,
    ],
    [
      'REAL_NAME_GAP',
      month,
      evaluateRealNameGap({
        ...context,
        rosterSize: roster.registeredByAsOf,
        attendanceReportedAt: facts.reports.attendanceReportedAt,
        parameters: mp.REAL_NAME_GAP,
      }),
      null,
    ],
    [
      'DEPOSIT_SHORTFALL',
      null,
      evaluateDepositShortfall({
        projectStartDate: project.startDate,
        required,
        requiredBeforeArrears,
        arrearsOn: facts.contractor.lastArrearsOn,
        arrearsCounted: facts.contractor.arrearsCounted ?? [],
        inForceFen: inForce.totalFen,
        lastDrawdownOn: lastDrawdown ? dateInShanghai(lastDrawdown.occurredAt) : null,
        asOf,
        parameters: p.DEPOSIT_SHORTFALL,
      }),
      null,
    ],
    [
      'DEPOSIT_GUARANTEE_EXPIRING',
      null,
      evaluateDepositGuaranteeExpiring({
        guarantees: inForce.guarantees,
        requiredFen: required.requiredFen,
        depositInForceFen: inForce.totalFen,
        inConstruction,
        asOf,
        parameters: p.DEPOSIT_GUARANTEE_EXPIRING,
      }),
      null,
    ],
    [
      'SHARED_BANK_CARD',
      null,
      evaluateSharedBankCard({
        projectCode: project.code,
        registrations: facts.cardRegistrations,
        cardNotMine: facts.cardNotMine ?? [],
      }),
      null,
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
      null,
    ],
    [
      'BANK_FEED_STALE',
      null,
      evaluateBankFeedStale({
        projectStartDate: project.startDate,
        payday: project.payday,
        statementThrough: account.statementThrough,
        asOf,
        parameters: p.BANK_FEED_STALE,
      }),
      null,
    ],
    [
      'WORKER_PAY_DISPUTED',
      month,
      evaluateWorkerPayDisputed({
        month,
        disputes: facts.disputes ?? [],
        asOf,
        parameters: mp.WORKER_PAY_DISPUTED,
      }),
      null,
    ],
  ];

  const endOfMonth = lastDayOfMonth(month);
  const endInForce = depositInForce(facts.deposits, facts.movements, endOfMonth);
  const ruleVerdicts: ProjectMonthVerdict[] = verdicts.map(([code, m, found, feed]) => ({
    code,
    month: m,
    finding: found,
    suppression: suppression(code, m, facts.history, today),
    ...(feed !== null && !feed.ready && { withheld: feed.waitingFor }),
    parameterSources: (m === null ? todaysSources : monthSources)[code] as Record<string, ParameterSource>,
  }));
  return {
    verdicts: [
      ...ruleVerdicts,
      rectificationOverdueVerdict({
        month,
        orders: facts.orders ?? [],
        verdicts: ruleVerdicts,
        asOf,
        parameterSources: monthSources.RECTIFICATION_OVERDUE as Record<string, ParameterSource>,
      }),
    ],
    assessment: monthAssessment({
      history: facts.history,
      month,
      workers,
      realName: roster.idHashes.size > 0 && facts.reports.attendanceReportedAt !== null,
      wageAccount: account.accountOpenedOn !== null && account.accountOpenedOn <= endOfMonth,
      deposit: required.exempt || endInForce.totalFen >= required.requiredFen,
    }),
  };
}

/** The month's workers with what was paid for it, attributed per worker over the look-back window. */
function workersOfMonth(facts: ProjectMonthFacts, graceDays: number, asOf: Date): WorkerMonthAssessed[] {
  const { month } = facts;
  const paymentsByWorker = groupBy(facts.payments, (payment) => payment.idHash);
  const monthsByWorker = groupBy(facts.workerMonths, (row) => row.idHash);
  const deadline = wageDeadline(month, { payday: facts.project.payday, graceDays }).deadlineInstant;
  return facts.workerMonths
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

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

// ── bank-feed completeness ──

export interface FeedGate {
  /** Whether a payment rule may judge the deadline now. */
  ready: boolean;
  /** Why it may (or what it waits for), for the evidence. */
  waitingFor: string;
  facts: Record<string, FactValue>;
}

/**
 * Payment absence for a deadline is judged once the bank's feed is complete through the deadline, or once
 * `lagDays` working days have passed after it, whichever comes first (event-time watermark with allowed lateness).
 */
export function feedGate(
  deadlineInstant: Date,
  deadlineDate: IsoDate,
  statementThrough: Date | null,
  lagDays: number,
  asOf: Date,
): FeedGate {
  const waitUntil = addWorkingDays(deadlineDate, lagDays);
  const complete = statementThrough !== null && statementThrough.getTime() >= deadlineInstant.getTime();
  const lagElapsed = asOf.getTime() > endOfDayShanghai(waitUntil).getTime();
  // Before the deadline there is no absence to judge: the rules themselves find nothing yet.
  const beforeDeadline = asOf.getTime() <= deadlineInstant.getTime();
  const facts: Record<string, FactValue> = {
    bankFeedCompleteThrough: statementThrough === null ? null : statementThrough.toISOString(),
    bankFeedJudgedBy: complete ? 'STATEMENT_COMPLETE' : lagElapsed ? 'LAG_ELAPSED' : 'WAITING',
    bankFeedWaitUntil: waitUntil,
  };
  return {
    ready: beforeDeadline || complete || lagElapsed,
    waitingFor: `bank feed complete through ${deadlineInstant.toISOString()}, or the end of ${waitUntil}`,
    facts,
  };
}

/** The finding with how fresh the bank data were; none while the feed may still be incomplete. */
function withFeed(found: Finding | null, feed: FeedGate): Finding | null {
  if (found === null || !feed.ready) return null;
  return { ...found, evidence: { ...found.evidence, facts: { ...found.evidence.facts, ...feed.facts } } };
}

/** The finding with the month's pending pay-sheet revision named in its facts (it changes no amount). */
function withRevision(
  found: Finding | null,
  revision: PendingPaySheetRevision | null | undefined,
): Finding | null {
  if (found === null || !revision) return found;
  const pendingRevision: FactValue = {
    revisionId: revision.revisionId,
    submittedAt: revision.submittedAt.toISOString(),
    deadline: revision.deadline,
    status: 'PENDING',
    totals: revision.totals,
    originalTotals: revision.originalTotals,
    linesLowered: revision.linesLowered,
    workersDropped: revision.workersDropped,
    lowered: revision.lowered.slice(0, MAX_REVISION_LINES_IN_EVIDENCE).map((line) => ({
      idMasked: line.idMasked,
      ...(line.name !== undefined && { name: line.name }),
      originalNetPayFen: line.originalNetPayFen,
      revisedNetPayFen: line.revisedNetPayFen,
    })),
  };
  return { ...found, evidence: { ...found.evidence, facts: { ...found.evidence.facts, pendingRevision } } };
}

// ── coverage assessment ──

/**
 * Coverage facts for one project-month (docs/domain.md, coverage). A worker is paid through the account when any
 * payroll from it was attributed to the month; paid in full when the payroll by the deadline reached the sheet's
 * net pay (without a sheet line, any payment by the deadline).
 */
export function monthAssessment(input: {
  history: readonly StatusChange[];
  month: Month;
  workers: readonly WorkerMonthAssessed[];
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
