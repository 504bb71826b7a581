import {
  ageOn,
  dateInShanghai,
  isCardNumber,
  validateCreditCode,
  validateIdentityNumber,
} from '@wage/domain';
import { parseArguments } from './cli';
import { compare, formatComparison, lastingFalseAlerts, type RaisedAlert } from './compare';
import { luhnDigit } from './identities';
import { bankBatches, INJECTABLE_CODES, planDistrict, type PlanOptions, statedThrough } from './plan';
import { Random } from './random';
import { parseViolations } from './simulation';
import { groundTruth } from './truth';

const everyRuleOnce = parseViolations('all');
const options = (overrides: Partial<PlanOptions> = {}): PlanOptions => ({
  seed: '42',
  regionCode: '350206',
  projects: 17,
  workers: 10,
  months: 2,
  violations: everyRuleOnce,
  asOf: new Date('2026-11-21T12:00:00+08:00'),
  ...overrides,
});

describe('the simulated district', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(JSON.stringify(planDistrict(options()))).toBe(JSON.stringify(planDistrict(options())));
    expect(JSON.stringify(planDistrict(options({ seed: '43' })))).not.toBe(
      JSON.stringify(planDistrict(options())),
    );
  });

  it('the seeded generator repeats its sequence and forks independent streams', () => {
    const draw = (r: Random) => Array.from({ length: 5 }, () => r.int(0, 1_000_000));
    expect(draw(new Random('s'))).toEqual(draw(new Random('s')));
    expect(draw(new Random('s').fork('a'))).not.toEqual(draw(new Random('s').fork('b')));
  });

  it('has valid identity numbers of adults, credit codes and card numbers, none repeated by accident', () => {
    const plan = planDistrict(options({ projects: 30, workers: 40 }));
    const today = dateInShanghai(plan.asOf);
    const workers = plan.projects.flatMap((p) => p.workers);
    for (const worker of workers) {
      const identity = validateIdentityNumber(worker.idNumber, today);
      expect(identity.ok).toBe(true);
      if (identity.ok) expect(ageOn(identity.value.birthDate, worker.entryDate)).toBeGreaterThanOrEqual(18);
      expect(isCardNumber(worker.bankCard.cardNumber)).toBe(true);
      expect(luhnDigit(worker.bankCard.cardNumber.slice(0, -1))).toBe(worker.bankCard.cardNumber.slice(-1));
      expect(worker.exitDate === undefined || worker.exitDate >= worker.entryDate).toBe(true);
    }
    expect(new Set(workers.map((w) => w.idNumber)).size).toBe(workers.length);
    // exactly one pair of workers shares a card: the injected SHARED_BANK_CARD
    expect(workers.length - new Set(workers.map((w) => w.bankCard.cardNumber)).size).toBe(1);
    for (const project of plan.projects) {
      expect(validateCreditCode(project.contractor.creditCode).ok).toBe(true);
      expect(validateCreditCode(project.owner.creditCode).ok).toBe(true);
    }
  });

  it.each([
    '2026-11-21T12:00:00+08:00',
    '2026-11-03T09:00:00+08:00',
    '2026-12-16T09:00:00+08:00',
    '2026-07-30T18:00:00+08:00',
  ])('as of %s: every injected rule is expected, and nothing on a clean project', (instant) => {
    const asOf = new Date(instant);
    const truth = groundTruth(planDistrict(options({ asOf })), asOf);
    const expectedCodes = new Set(truth.projects.flatMap((p) => p.expected.map((e) => e.code)));
    expect([...expectedCodes].sort()).toEqual([...INJECTABLE_CODES].sort());
    expect(truth.unreachable).toEqual([]);
    expect(truth.unexplained).toEqual([]);
    const clean = truth.projects.filter((p) => p.clean);
    expect(clean.length).toBe(17 - 15); // every rule once, SHARED_BANK_CARD on two
    for (const project of clean) expect(project.expected).toEqual([]);
  });

  it('delivers as real districts do: CSV rolls, bank feeds first or in bulk, late and stale feeds, a suspension', () => {
    const plan = planDistrict(options());
    const by = (test: (p: (typeof plan.projects)[number]) => boolean) => plan.projects.filter(test);
    expect(by((p) => p.delivery.roll === 'csv').length).toBeGreaterThan(0);
    expect(by((p) => p.delivery.order === 'bank-first').length).toBeGreaterThan(0);
    expect(by((p) => p.delivery.bankBatches === 'bulk').length).toBeGreaterThan(0);
    const [suspended] = by((p) => p.statusChanges.length > 0);
    expect(suspended.injections).toEqual([]);
    const stopped = suspended.statusChanges[0].effectiveDate;
    expect(suspended.attendance.every((a) => a.month <= stopped.slice(0, 7))).toBe(true);
    // every account states its feed; a late one only through what it sent, a stale one stops stating early
    for (const project of by((p) => p.account !== null && p.transactions.length > 0)) {
      const batches = bankBatches(project);
      expect(batches.some((b) => b.statementThrough)).toBe(true);
      for (const b of batches) {
        if (b.statementThrough) expect(b.statementThrough >= b.transactions.at(-1)!.occurredAt).toBe(true);
      }
      expect(project.transactions.every((tx) => tx.occurredAt <= project.feed.sentThrough)).toBe(true);
    }
    const late = by((p) => p.feed.sentThrough < plan.asOf);
    expect(late.length).toBeGreaterThan(0);
    for (const project of late) expect(project.injections).toEqual([]);
    const [stale] = by((p) => p.injections.some((i) => i.code === 'BANK_FEED_STALE'));
    expect(statedThrough(stale)! < plan.asOf).toBe(true);
    const cash = plan.projects
      .flatMap((p) => p.transactions)
      .filter((tx) => tx.kind === 'WITHDRAWAL' && tx.counterparty.accountNumber === undefined);
    expect(cash.map((tx) => tx.counterparty.name)).toEqual(['现金支取']);
  });

  it('expects BANK_FEED_STALE YELLOW once the feed lags twice the lag behind a deadline', () => {
    const asOf = new Date('2026-11-21T12:00:00+08:00');
    const truth = groundTruth(planDistrict(options({ asOf })), asOf);
    const stale = truth.projects.find((p) => p.injections.some((i) => i.code === 'BANK_FEED_STALE'))!;
    // payday 10: October's wages due 10 November, deadline 12 November; 6 working days later is 20 November
    expect(stale.expected).toEqual([{ code: 'BANK_FEED_STALE', month: null, severity: 'YELLOW' }]);
  });

  // A sheet lowered after its deadline would wait for an inspector (a revision) and the truth would not hold: the
  // district sends each month's sheet once, as projects do, and never lowers one.
  it('sends one pay sheet per project-month, so none is ever a revision', () => {
    const plan = planDistrict(options({ projects: 30 }));
    for (const project of plan.projects) {
      const months = project.paySheets.map((sheet) => sheet.month);
      expect(new Set(months).size).toBe(months.length);
    }
  });

  it('refuses more violations than projects, and a month that is not over', () => {
    expect(() => planDistrict(options({ projects: 5 }))).toThrow(/need 15 projects/);
    expect(() => planDistrict(options({ endMonth: '2026-11' }))).toThrow(/not complete yet/);
  });
});

describe('the command line', () => {
  it('reads the options with their defaults', () => {
    const parsed = parseArguments(
      ['--projects', '12', '--violations=WAGE_ARREARS=2,FUNDS_DIVERTED', '--seed', '7'],
      {
        ADMIN_API_KEY: 'k',
      },
    );
    expect(parsed).toMatchObject({
      gateway: 'http://127.0.0.1:8080',
      adminKey: 'k',
      region: '350206',
      projects: 12,
      workers: 40,
      months: 3,
      seed: '7',
      violations: { WAGE_ARREARS: 2, FUNDS_DIVERTED: 1 },
      truthFile: 'ground-truth.json',
      settleSeconds: 900,
      evaluate: true,
      casework: true,
    });
    expect(parseArguments(['--no-casework'], { ADMIN_API_KEY: 'k' })).toMatchObject({ casework: false });
    expect(
      parseArguments(['--mail-catcher', 'http://127.0.0.1:8025'], {
        ADMIN_API_KEY: 'k',
        ALERT_SETTLE_SECONDS: '120',
      }),
    ).toMatchObject({ settleSeconds: 120, mailCatcher: 'http://127.0.0.1:8025' });
    expect(parseArguments(['--sms-catcher', 'http://127.0.0.1:8026'], { ADMIN_API_KEY: 'k' })).toMatchObject({
      smsCatcher: 'http://127.0.0.1:8026',
    });
  });

  it('says what is wrong', () => {
    expect(() => parseArguments([], {})).toThrow(/--admin-key/);
    expect(() => parseArguments(['--violations', 'NOPE'], { ADMIN_API_KEY: 'k' })).toThrow(/not a rule code/);
    expect(() => parseArguments(['--months', '1'], { ADMIN_API_KEY: 'k' })).toThrow(/at least 2/);
    expect(() => parseArguments(['--colour', 'x'], { ADMIN_API_KEY: 'k' })).toThrow(/unknown option/);
    expect(() => parseArguments(['--sms-catcher', 'catcher'], { ADMIN_API_KEY: 'k' })).toThrow(
      /--sms-catcher must be an http/,
    );
    expect(() => parseArguments(['--settle-seconds', 'soon'], { ADMIN_API_KEY: 'k' })).toThrow(
      /whole number/,
    );
  });
});

describe('the comparison with the truth', () => {
  const asOf = new Date('2026-11-21T12:00:00+08:00');
  const truth = groundTruth(planDistrict(options({ asOf })), asOf);
  const [first] = truth.projects.filter((p) => p.expected.length > 0);
  const clean = truth.projects.find((p) => p.clean)!;
  const alert = (over: Partial<RaisedAlert>): RaisedAlert => ({
    id: over.id ?? 'a',
    projectCode: first.code,
    code: first.expected[0].code,
    month: first.expected[0].month,
    severity: first.expected[0].severity,
    status: 'OPEN',
    raisedAt: '2026-11-21T04:00:00.000Z',
    clearedAt: null,
    raiseCount: 1,
    ...over,
  });

  it('counts a false alert that cleared long ago, each time it was raised, and what was sent about it', () => {
    const alerts = [
      alert({ id: 'true', raiseCount: 2 }),
      alert({
        id: 'gone',
        projectCode: clean.code,
        code: 'WAGE_ARREARS',
        month: '2026-10',
        status: 'CLEARED',
        clearedAt: '2026-11-21T04:00:40.000Z',
      }),
    ];
    const sent = (id: string, alertIds: string[], event: string) => ({
      id,
      alertIds,
      channel: 'EMAIL',
      reason: 'raised-1',
      event,
      status: 'SENT',
    });
    const comparison = compare(
      truth,
      alerts,
      [
        sent('n1', ['true'], 'alert.raised'),
        sent('n2', ['gone'], 'alert.raised'),
        sent('n3', ['gone'], 'alert.cleared'),
      ],
      [{ subject: '【工资支付监控】新预警：x', alertIds: ['gone'] }],
    );
    expect(comparison.falseAlerts.map((a) => a.id)).toEqual(['gone']);
    expect(comparison.raised).toBe(3);
    expect(comparison.raisedFalse).toBe(1);
    expect(comparison.reraised.map((a) => a.id)).toEqual(['true']);
    expect(comparison.notifications).toBe(3);
    expect(comparison.notificationsForFalse).toBe(2);
    expect(comparison.mails).toEqual({ total: 1, forFalse: 1, bySubject: { 新预警: 1 } });
    expect(comparison.cleanProjectsWithAlerts).toBe(1);
    expect(formatComparison(comparison)).toContain(
      'raised: 3 (false: 1) · notifications: 3 (for false alerts: 2)',
    );
  });

  it('tells false alerts the data cleared by an instant from those standing, closed by someone or cleared later', () => {
    const falseOne = (id: string, status: string, clearedAt: string | null = null) =>
      alert({ id, projectCode: clean.code, code: 'REAL_NAME_GAP', month: '2026-10', status, clearedAt });
    const comparison = compare(truth, [
      alert({ id: 'true' }),
      falseOne('cleared', 'CLEARED', '2026-11-21T04:00:40.000Z'),
      falseOne('cleared later', 'CLEARED', '2026-11-21T04:01:00.001Z'),
      falseOne('open', 'OPEN'),
      falseOne('dismissed', 'DISMISSED'),
    ]);
    expect(comparison.falseAlerts.map((a) => a.id)).toEqual([
      'cleared',
      'cleared later',
      'open',
      'dismissed',
    ]);
    expect(lastingFalseAlerts(comparison, new Date('2026-11-21T04:01:00.000Z')).map((a) => a.id)).toEqual([
      'cleared later',
      'open',
      'dismissed',
    ]);
  });
});
