import {
  attributePayments,
  dateInShanghai,
  defaultParameters,
  depositInForce,
  evaluateAbnormalPayout,
  evaluateAccountBalanceShortfall,
  evaluateDepositShortfall,
  evaluateFundsDiverted,
  evaluateDepositGuaranteeExpiring,
  evaluateLaborCostNotAppropriated,
  evaluateNoWageAccount,
  evaluatePayeeNotOnRoster,
  evaluatePaySheetMissing,
  evaluateRealNameGap,
  evaluateSharedBankCard,
  evaluateWageArrears,
  evaluateWageUnderpaid,
  type AccountDebit,
  type Fen,
  type Finding,
  type IsoDate,
  type Month,
  monthOf,
  monthOfDate,
  monthRange,
  previousMonth,
  requiredDeposit,
  type RuleCode,
  type Severity,
  addCalendarDays,
  endOfDayShanghai,
  lastDayOfMonth,
  statusOn,
  type StatusChange,
  suppression,
  wageDeadline,
  type WorkerMonth,
} from '@wage/domain';
import {
  type DistrictPlan,
  type Injection,
  type PlannedProject,
  type PlannedTransaction,
  staleFrom,
  statedThrough,
} from './plan';

export interface ExpectedAlert {
  projectCode: string;
  code: RuleCode;
  /** The month the alert is about; null for a project-wide rule. */
  month: Month | null;
  severity: Severity;
}

export interface GroundTruth {
  seed: string;
  asOf: string;
  months: Month[];
  /** Every month the evaluation has to cover: from the earliest start to the month of `asOf`. */
  evaluatedMonths: Month[];
  projects: {
    code: string;
    regionCode: string;
    clean: boolean;
    injections: Injection[];
    expected: { code: RuleCode; month: Month | null; severity: Severity }[];
  }[];
  /** Injected violations that the rules will not report as of `asOf` (e.g. a deadline not yet passed). */
  unreachable: (Injection & { projectCode: string })[];
  /** Alerts on a project that no injection explains: a flaw in the plan. */
  unexplained: ExpectedAlert[];
}

const LOOKBACK_MONTHS = 6;

/** What the truth needs of a finding. */
type Verdict = Pick<Finding, 'code' | 'month' | 'severity'>;

/**
 * What the rule catalogue must report for the planned district as of `asOf`: the domain's rule functions applied
 * to the plan's own records in clear, the way the rules engine applies them to its read model (national
 * default parameters), with what docs/domain.md says about data completeness and suppression: payment rules wait
 * for the bank's feed (complete through the deadline, or `bankFeedLagDays` working days after it), and rules
 * other than wages already due are suppressed while a project is suspended. Absence verdicts are pending for
 * the settle period first; this is what holds once it has passed. Comparing the platform's alerts with this checks the whole path — API,
 * events, read model, SQL, alert ledger, alert service — against the rules' definition.
 */
export function groundTruth(plan: DistrictPlan, asOf: Date): GroundTruth {
  const expected = plan.projects.flatMap((project) => expectedFor(project, plan, asOf));
  const starts = plan.projects.map((p) => monthOfDate(p.startDate)).sort();
  const key = (a: { projectCode: string; code: RuleCode; month: Month | null }) =>
    `${a.projectCode}|${a.code}|${a.month}`;
  const expectedKeys = new Set(expected.map(key));
  const injected = plan.projects.flatMap((p) => p.injections.map((i) => ({ ...i, projectCode: p.code })));
  const injectedCodes = new Set(plan.projects.flatMap((p) => p.injections.map((i) => `${p.code}|${i.code}`)));
  return {
    seed: plan.seed,
    asOf: asOf.toISOString(),
    months: plan.months,
    evaluatedMonths: starts.length ? monthRange(starts[0], monthOf(asOf)) : [],
    projects: plan.projects.map((project) => ({
      code: project.code,
      regionCode: project.regionCode,
      clean: project.injections.length === 0,
      injections: project.injections,
      expected: expected
        .filter((a) => a.projectCode === project.code)
        .map(({ code, month, severity }) => ({ code, month, severity })),
    })),
    unreachable: injected.filter((i) => !expectedKeys.has(key(i))),
    unexplained: expected.filter((a) => !injectedCodes.has(`${a.projectCode}|${a.code}`)),
  };
}

function expectedFor(project: PlannedProject, plan: DistrictPlan, asOf: Date): ExpectedAlert[] {
  const p = defaultParameters();
  const today = dateInShanghai(asOf);
  const txs = project.transactions.filter((tx) => tx.occurredAt <= asOf);
  const cards = new Map(project.workers.map((w) => [w.bankCard.cardNumber, w.idNumber]));
  const ids = new Set(project.workers.map((w) => w.idNumber));
  const ownerOf = (tx: PlannedTransaction) =>
    (tx.counterparty.accountNumber !== undefined ? cards.get(tx.counterparty.accountNumber) : undefined) ??
    (tx.counterparty.idNumber !== undefined && ids.has(tx.counterparty.idNumber)
      ? tx.counterparty.idNumber
      : undefined);
  const payroll = txs.filter((tx) => tx.kind === 'PAYROLL' && ownerOf(tx) !== undefined);
  const roster = { cardHashes: new Set(cards.keys()), idHashes: ids };
  const days = new Map(
    project.attendance.flatMap((a) => a.records.map((r) => [`${a.month}|${r.idNumber}`, r.daysWorked])),
  );
  const nets = new Map(
    project.paySheets.flatMap((s) => s.lines.map((l) => [`${s.month}|${l.idNumber}`, l.netPayFen])),
  );
  const sheetTotal = (m: Month): Fen | null => {
    const sheet = project.paySheets.find((s) => s.month === m);
    return sheet ? sheet.lines.reduce((t, l) => t + l.netPayFen, 0) : null;
  };
  const rows = (from: Month, to: Month) =>
    project.workers.flatMap((w) =>
      monthRange(from, to)
        .filter((m) => days.has(`${m}|${w.idNumber}`) || nets.has(`${m}|${w.idNumber}`))
        .map((m) => ({
          month: m,
          worker: w,
          daysWorked: days.get(`${m}|${w.idNumber}`) ?? 0,
          netPayFen: nets.get(`${m}|${w.idNumber}`) ?? null,
        })),
    );
  const balanceAt = (instant: Date, before = false) =>
    txs
      .filter((tx) => (before ? tx.occurredAt < instant : tx.occurredAt <= instant))
      .reduce((t, tx) => t + (tx.direction === 'CREDIT' ? tx.amountFen : -tx.amountFen), 0);

  // Data completeness: what the bank stated, and whether a payment rule still waits for the feed.
  const stated = project.account === null ? null : statedThrough(project);
  const feedWaits = (deadline: IsoDate) =>
    (stated === null || stated < endOfDayShanghai(deadline)) && asOf <= staleFrom(deadline);
  const found: Verdict[] = [];

  for (const month of monthRange(monthOfDate(project.startDate), monthOf(asOf))) {
    const context = { month, payday: project.payday, asOf };
    let from = month;
    for (let i = 0; i < LOOKBACK_MONTHS; i += 1) from = previousMonth(from);
    const to = monthOf(asOf) > month ? monthOf(asOf) : month;
    const all = rows(from, to);
    const wage = wageDeadline(month, { payday: project.payday, graceDays: p.WAGE_ARREARS.graceDays });
    const deadline = wage.deadlineInstant;
    const paymentsKnown = !feedWaits(wage.deadline);
    // a month's appropriations are known once the feed covers the month, or the lag after the check
    const appropriationsKnown =
      (stated !== null && stated >= endOfDayShanghai(lastDayOfMonth(month))) ||
      asOf >
        staleFrom(
          addCalendarDays(lastDayOfMonth(month), p.LABOR_COST_NOT_APPROPRIATED.appropriationGraceDays),
        );
    const workers: WorkerMonth[] = all
      .filter((r) => r.month === month)
      .map((r) => {
        const payments = payroll
          .filter((tx) => ownerOf(tx) === r.worker.idNumber && (tx.payrollMonth ?? '') >= from)
          .map((tx) => ({
            serialNo: tx.serialNo,
            amountFen: tx.amountFen,
            occurredAt: tx.occurredAt,
            ...(tx.payrollMonth && { payrollMonth: tx.payrollMonth }),
          }));
        const attribution = attributePayments(
          all.filter((o) => o.worker === r.worker).map((o) => ({ month: o.month, netPayFen: o.netPayFen })),
          payments,
          { deadlines: { [month]: deadline }, asOf },
        ).months.find((m) => m.month === month);
        return {
          idHash: r.worker.idNumber,
          idMasked: '',
          daysWorked: r.daysWorked,
          netPayFen: r.netPayFen,
          paidFen: attribution?.paidFen ?? 0,
        };
      });
    const hasSheet = project.paySheets.some((s) => s.month === month);
    const hasAttendance = project.attendance.some((a) => a.month === month);
    const appropriated: Record<Month, Fen> = {};
    for (const tx of txs.filter((t) => t.kind === 'APPROPRIATION')) {
      const m = monthOf(tx.occurredAt);
      appropriated[m] = (appropriated[m] ?? 0) + tx.amountFen;
    }
    const debits: AccountDebit[] = txs
      .filter((tx) => tx.direction === 'DEBIT' && monthOf(tx.occurredAt) === month)
      .map((tx) => ({
        accountNumber: project.account!.accountNumber,
        serialNo: tx.serialNo,
        occurredAt: tx.occurredAt,
        kind: tx.kind,
        amountFen: tx.amountFen,
        // a cash withdrawal (现金支取) has no counterparty account
        ...(tx.counterparty.accountNumber !== undefined && {
          counterpartyAccountHash: tx.counterparty.accountNumber,
        }),
        ...(tx.counterparty.idNumber !== undefined && { counterpartyIdHash: tx.counterparty.idNumber }),
        balanceBeforeFen: balanceAt(tx.occurredAt, true),
      }));
    const year = month.slice(0, 4);
    const payouts = project.workers
      .map((w) => {
        const mine = payroll.filter((tx) => ownerOf(tx) === w.idNumber);
        const inMonth = mine.filter((tx) => monthOf(tx.occurredAt) === month);
        const inYear = mine.filter(
          (tx) => monthOf(tx.occurredAt) >= `${year}-01` && monthOf(tx.occurredAt) <= month,
        );
        return {
          idHash: w.idNumber,
          idMasked: '',
          paidInMonthFen: inMonth.reduce((t, tx) => t + tx.amountFen, 0),
          paidInYearFen: inYear.reduce((t, tx) => t + tx.amountFen, 0),
          any: inYear.length > 0,
        };
      })
      .filter((w) => w.any);
    found.push(
      ...[
        paymentsKnown ? evaluateWageArrears({ ...context, workers, parameters: p.WAGE_ARREARS }) : null,
        paymentsKnown ? evaluateWageUnderpaid({ ...context, workers, parameters: p.WAGE_UNDERPAID }) : null,
        evaluatePaySheetMissing({
          ...context,
          workersWithAttendance: workers,
          paySheetSubmittedAt: hasSheet ? asOf : null,
          parameters: p.PAY_SHEET_MISSING,
        }),
        appropriationsKnown
          ? evaluateLaborCostNotAppropriated({
              month,
              projectStartDate: project.startDate,
              appropriatedFenByMonth: appropriated,
              asOf,
              parameters: p.LABOR_COST_NOT_APPROPRIATED,
            })
          : null,
        project.account === null
          ? null
          : evaluateAccountBalanceShortfall({
              month,
              payday: project.payday,
              balanceFen: balanceAt(asOf),
              sheetNetPayFen: sheetTotal(month),
              previousMonthNetPayFen: sheetTotal(previousMonth(month)),
              paidFen: workers.reduce((t, w) => t + w.paidFen, 0),
              asOf,
              parameters: p.ACCOUNT_BALANCE_SHORTFALL,
            }),
        evaluateFundsDiverted({ month, debits, roster, parameters: p.FUNDS_DIVERTED }),
        evaluatePayeeNotOnRoster({ month, debits, roster }),
        evaluateAbnormalPayout({ month, workers: payouts, parameters: p.ABNORMAL_PAYOUT }),
        evaluateRealNameGap({
          ...context,
          rosterSize: project.workers.filter((w) => w.entryDate <= today).length,
          attendanceReportedAt: hasAttendance ? asOf : null,
          parameters: p.REAL_NAME_GAP,
        }),
      ].filter((f) => f !== null),
    );
  }

  const history: StatusChange[] = [
    { status: 'IN_CONSTRUCTION', effectiveDate: project.startDate },
    ...project.statusChanges,
  ];
  const inConstruction = (statusOn(history, today)?.status ?? 'IN_CONSTRUCTION') === 'IN_CONSTRUCTION';

  // Project-wide rules, as of the day evaluated.
  const required = requiredDeposit(
    project.contractAmountFen,
    {
      onPlatformSince: today,
      lastArrearsOn: null,
      blacklisted: false,
      usesRealNameManagement: project.workers.length > 0,
      usesDedicatedAccount: project.account !== null,
    },
    today,
    p.DEPOSIT_SHORTFALL,
  );
  const inForce = depositInForce(
    project.deposits.map((d, i) => ({
      depositId: String(i),
      form: d.form,
      amountFen: d.amountFen,
      effectiveOn: d.effectiveOn,
      ...(d.expiresOn && { expiresOn: d.expiresOn }),
      reference: d.reference,
    })),
    [],
    today,
  );
  const registrations = plan.projects.flatMap((other) =>
    other.workers.map((w) => ({
      idHash: w.idNumber,
      idMasked: '',
      cardHash: w.bankCard.cardNumber,
      cardMasked: '',
      projectCode: other.code,
    })),
  );
  const ourCards = new Set(cards.keys());
  found.push(
    ...[
      evaluateDepositShortfall({
        projectStartDate: project.startDate,
        required,
        inForceFen: inForce.totalFen,
        lastDrawdownOn: null,
        asOf,
        parameters: p.DEPOSIT_SHORTFALL,
      }),
      evaluateDepositGuaranteeExpiring({
        guarantees: inForce.guarantees,
        requiredFen: required.requiredFen,
        depositInForceFen: inForce.totalFen,
        inConstruction,
        asOf,
        parameters: p.DEPOSIT_GUARANTEE_EXPIRING,
      }),
      evaluateSharedBankCard({
        projectCode: project.code,
        registrations: registrations.filter((r) => ourCards.has(r.cardHash)),
      }),
      evaluateNoWageAccount({
        startDate: project.startDate,
        accountOpenedOn: project.account?.openedOn ?? null,
        asOf,
        parameters: p.NO_WAGE_ACCOUNT,
      }),
      bankFeedStale(project, stated, asOf),
    ].filter((f) => f !== null),
  );
  return found
    .filter((f) => !suppression(f.code, f.month, history, today).suppressed)
    .map((f) => ({
      projectCode: project.code,
      code: f.code,
      month: f.month,
      severity: f.severity,
    }));
}

/**
 * 银行流水未按时报送, one per project: the bank stated the account's feed complete through an instant, and the first
 * wage deadline after it is more than `bankFeedLagDays` working days past (BLUE); twice that (YELLOW).
 */
function bankFeedStale(project: PlannedProject, stated: Date | null, asOf: Date): Verdict | null {
  if (stated === null) return null;
  const uncovered = monthRange(monthOfDate(project.startDate), monthOf(asOf))
    .map((m) =>
      wageDeadline(m, { payday: project.payday, graceDays: defaultParameters().BANK_FEED_STALE.graceDays }),
    )
    .find((d) => d.deadlineInstant > stated);
  if (uncovered === undefined || asOf <= staleFrom(uncovered.deadline)) return null;
  const severity: Severity = asOf > staleFrom(uncovered.deadline, 2) ? 'YELLOW' : 'BLUE';
  return { code: 'BANK_FEED_STALE', severity, month: null };
}
