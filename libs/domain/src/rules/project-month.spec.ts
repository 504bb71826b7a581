import { parseInstant } from '../month';
import { defaultParameters } from './parameters';
import { ABSENCE_RULES, evaluateProjectMonth, feedGate, type ProjectMonthFacts } from './project-month';

const at = parseInstant;

// September 2026, payday 15: due Thursday 15 October, + 2 grace days → deadline Saturday 17 October (its end,
// 23:59:59.999 Shanghai). bankFeedLagDays 3 → working days 19, 20, 21 October: the lag ends on 21 October.
const SEPT_DEADLINE = at('2026-10-17T23:59:59.999+08:00');

describe('feedGate: payment absence waits for the bank', () => {
  it.each<[string, string | null, string, boolean, string]>([
    ['no statement, within the lag', null, '2026-10-21T12:00:00+08:00', false, 'WAITING'],
    ['no statement, the lag has passed', null, '2026-10-22T00:00:01+08:00', true, 'LAG_ELAPSED'],
    [
      'complete up to before the deadline',
      '2026-10-17T12:00:00+08:00',
      '2026-10-19T09:00:00+08:00',
      false,
      'WAITING',
    ],
    [
      'complete through the deadline',
      '2026-10-18T00:00:00+08:00',
      '2026-10-18T09:00:00+08:00',
      true,
      'STATEMENT_COMPLETE',
    ],
    [
      'stale statement, the lag has passed',
      '2026-10-01T00:00:00+08:00',
      '2026-10-23T09:00:00+08:00',
      true,
      'LAG_ELAPSED',
    ],
  ])('%s', (_scenario, statement, asOf, ready, judgedBy) => {
    const gate = feedGate(
      SEPT_DEADLINE,
      '2026-10-17',
      statement === null ? null : at(statement),
      3,
      at(asOf),
    );
    expect(gate.ready).toBe(ready);
    expect(gate.facts).toMatchObject({ bankFeedJudgedBy: judgedBy, bankFeedWaitUntil: '2026-10-21' });
  });
});

/** A project of one worker, who worked 20 days of September 2026 and is owed ¥5,000 net. */
function facts(overrides: Partial<ProjectMonthFacts> = {}): ProjectMonthFacts {
  const worker = { idHash: 'id-1', idMasked: '350206********0011', name: '张三', cardMasked: '6222***0123' };
  return {
    project: {
      code: 'P-1',
      regionCode: '350206',
      startDate: '2026-09-01',
      payday: 15,
      contractAmountFen: 100_000_000,
    },
    month: '2026-09',
    history: [{ status: 'IN_CONSTRUCTION', effectiveDate: '2026-09-01' }],
    workerMonths: [{ ...worker, month: '2026-09', daysWorked: 20, netPayFen: 500_000 }],
    payments: [],
    reports: {
      paySheetSubmittedAt: at('2026-10-05T10:00:00+08:00'),
      attendanceReportedAt: at('2026-10-03T10:00:00+08:00'),
    },
    account: {
      accountOpenedOn: '2026-09-01',
      balanceFen: 2_000_000,
      appropriatedFenByMonth: { '2026-09': 2_000_000, '2026-10': 2_000_000 },
      statementThrough: null,
    },
    sheetTotals: new Map([['2026-09', 500_000]]),
    roster: { cardHashes: new Set(['card-1']), idHashes: new Set(['id-1']), registeredByAsOf: 1 },
    debits: [],
    payouts: [],
    cardRegistrations: [],
    deposits: [],
    movements: [],
    contractor: { onPlatformSince: '2026-09-01', lastArrearsOn: null },
    overrides: [],
    ...overrides,
  };
}

const verdictOf = (result: ReturnType<typeof evaluateProjectMonth>, code: string) =>
  result.verdicts.find((v) => v.code === code)!;

describe('evaluateProjectMonth', () => {
  it('returns one verdict per rule of the catalogue, project-wide rules without a month', () => {
    const result = evaluateProjectMonth(facts(), at('2026-10-25T12:00:00+08:00'));
    expect(result.verdicts.map((v) => v.code).sort()).toEqual(Object.keys(defaultParameters()).sort());
    expect(verdictOf(result, 'DEPOSIT_SHORTFALL').month).toBeNull();
    expect(verdictOf(result, 'WAGE_ARREARS').month).toBe('2026-09');
  });

  it.each<[string, Partial<ProjectMonthFacts>, string, string | null, boolean]>([
    // [scenario, facts, asOf, arrears severity or null, withheld]
    ['before the deadline: nothing', {}, '2026-10-16T12:00:00+08:00', null, false],
    ['past the deadline, bank silent, within the lag: withheld', {}, '2026-10-20T12:00:00+08:00', null, true],
    // 8 days overdue, the only worker unpaid (100% > 10%): ORANGE
    ['the lag has passed: arrears', {}, '2026-10-25T12:00:00+08:00', 'ORANGE', false],
    [
      'the bank states completeness through the deadline: judged at once',
      { account: { ...facts().account, statementThrough: at('2026-10-18T00:00:00+08:00') } },
      '2026-10-18T12:00:00+08:00',
      'ORANGE',
      false,
    ],
    [
      'paid before the deadline: nothing',
      {
        payments: [
          {
            idHash: 'id-1',
            serialNo: 'PAY-1',
            amountFen: 500_000,
            occurredAt: at('2026-10-15T10:00:00+08:00'),
          },
        ],
      },
      '2026-10-25T12:00:00+08:00',
      null,
      false,
    ],
    // 45 days overdue (> 30): RED
    ['still unpaid on 1 December: RED', {}, '2026-12-01T12:00:00+08:00', 'RED', false],
  ])('WAGE_ARREARS: %s', (_scenario, given, asOf, severity, withheld) => {
    const verdict = verdictOf(evaluateProjectMonth(facts(given), at(asOf)), 'WAGE_ARREARS');
    expect(verdict.finding?.severity ?? null).toBe(severity);
    expect(verdict.withheld !== undefined).toBe(withheld);
  });

  // The attack of issue 16: after the deadline the project sent the month again with net 0.00. Kept as a
  // revision, it changes nothing the rules count; the alert names it so an inspector sees it.
  it('judges arrears on the sheet in force and names the pending revision in the evidence', () => {
    const pendingRevision = {
      revisionId: 'rev-1',
      submittedAt: at('2026-10-24T09:00:00+08:00'),
      deadline: '2026-10-17',
      totals: { lines: 1, grossPayFen: 520_000, netPayFen: 0 },
      originalTotals: { lines: 1, grossPayFen: 520_000, netPayFen: 500_000 },
      linesLowered: 1,
      workersDropped: 0,
      lowered: [
        { idMasked: '350206********0011', name: '张三', originalNetPayFen: 500_000, revisedNetPayFen: 0 },
      ],
    };
    const asOf = at('2026-10-25T12:00:00+08:00');
    const without = verdictOf(evaluateProjectMonth(facts(), asOf), 'WAGE_ARREARS').finding!;
    const withRevision = verdictOf(
      evaluateProjectMonth(facts({ pendingRevision }), asOf),
      'WAGE_ARREARS',
    ).finding!;
    expect(withRevision.severity).toBe(without.severity);
    expect(withRevision.evidence.amounts).toEqual({ netPayDueFen: 500_000 });
    expect(withRevision.evidence.facts.pendingRevision).toEqual({
      revisionId: 'rev-1',
      submittedAt: '2026-10-24T01:00:00.000Z',
      deadline: '2026-10-17',
      status: 'PENDING',
      totals: { lines: 1, grossPayFen: 520_000, netPayFen: 0 },
      originalTotals: { lines: 1, grossPayFen: 520_000, netPayFen: 500_000 },
      linesLowered: 1,
      workersDropped: 0,
      lowered: [
        { idMasked: '350206********0011', name: '张三', originalNetPayFen: 500_000, revisedNetPayFen: 0 },
      ],
    });
    expect(without.evidence.facts.pendingRevision).toBeUndefined();
  });

  it('a cash withdrawal, which has no counterparty account, is diverted funds', () => {
    const cash = {
      accountNumber: 'AC-1',
      serialNo: 'CASH-1',
      occurredAt: at('2026-09-20T10:00:00+08:00'),
      kind: 'WITHDRAWAL' as const,
      amountFen: 300_000,
      counterpartyName: '现金支取',
      balanceBeforeFen: 2_000_000,
    };
    const verdict = verdictOf(
      evaluateProjectMonth(facts({ debits: [cash] }), at('2026-09-21T12:00:00+08:00')),
      'FUNDS_DIVERTED',
    );
    expect(verdict.finding).toMatchObject({ severity: 'ORANGE' });
    expect(verdict.finding!.evidence.transactions).toEqual([
      expect.objectContaining({ serialNo: 'CASH-1', counterpartyName: '现金支取' }),
    ]);
  });

  it('settles the absence rules and raises the evidence rules at once', () => {
    expect([...ABSENCE_RULES].sort()).toEqual([
      'ACCOUNT_BALANCE_SHORTFALL',
      'BANK_FEED_STALE',
      'DEPOSIT_SHORTFALL',
      'LABOR_COST_NOT_APPROPRIATED',
      'NO_WAGE_ACCOUNT',
      'PAYEE_NOT_ON_ROSTER',
      'PAY_SHEET_MISSING',
      'REAL_NAME_GAP',
      'RECTIFICATION_OVERDUE',
      'WAGE_ARREARS',
      'WAGE_UNDERPAID',
    ]);
  });

  it('assesses the month for coverage: due, paid, paid in full by the deadline', () => {
    const { assessment } = evaluateProjectMonth(
      facts({
        payments: [
          {
            idHash: 'id-1',
            serialNo: 'PAY-1',
            amountFen: 500_000,
            occurredAt: at('2026-10-20T10:00:00+08:00'),
          },
        ],
      }),
      at('2026-10-25T12:00:00+08:00'),
    );
    // paid in full, but three days after the deadline: bank payroll yes, monthly full payment no
    expect(assessment).toMatchObject({
      workersDue: 1,
      workersPaidInFull: 1,
      amountDueFen: 500_000,
      amountPaidFen: 500_000,
      coverage: { realName: true, wageAccount: true, bankPayroll: true, monthlyFullPayment: false },
    });
  });
});
