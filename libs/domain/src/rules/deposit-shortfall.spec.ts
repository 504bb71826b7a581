import { parseInstant } from '../month';
import { requiredDeposit } from './deposit';
import { contract, newcomer, parameters, today } from './deposit.fixtures';
import { evaluateDepositShortfall } from './deposit-shortfall';

const at = parseInstant;

describe('DEPOSIT_SHORTFALL', () => {
  const required = requiredDeposit(contract, newcomer, today, parameters); // 200,000,000
  // Start Thu 3 Sep 2026. Working days: Sep 4, 7–11, 14–18, Sun 20 (worked), 21–24, 28–30 = 19 (25 Sep is
  // Mid-Autumn), 1–7 Oct is the National Day holiday, so the 20th is Thu 8 Oct. After a drawdown on Mon 9 Nov: 10 working days → Mon 23 Nov.
  it.each<[string, number, string | null, string, string | null]>([
    ['enough deposit', 200_000_000, null, '2026-12-01T12:00:00+08:00', null],
    ['short, within 20 working days', 0, null, '2026-10-08T23:59:00+08:00', null],
    ['short, the day after', 0, null, '2026-10-09T00:00:00+08:00', 'ORANGE'],
    // 7 Nov − 8 Oct = 30 days: not more than 30 → ORANGE; 8 Nov → RED
    ['30 days late', 0, null, '2026-11-07T12:00:00+08:00', 'ORANGE'],
    ['31 days late', 0, null, '2026-11-08T12:00:00+08:00', 'RED'],
    ['drawn down, within 10 working days', 150_000_000, '2026-11-09', '2026-11-23T12:00:00+08:00', null],
    ['drawn down, not topped up', 150_000_000, '2026-11-09', '2026-11-24T12:00:00+08:00', 'ORANGE'],
    // 23 Nov + 31 days = 24 Dec
    [
      'drawn down, 31 days after the top-up date',
      150_000_000,
      '2026-11-09',
      '2026-12-24T12:00:00+08:00',
      'RED',
    ],
  ])('%s', (_scenario, inForceFen, lastDrawdownOn, asOf, expected) => {
    const result = evaluateDepositShortfall({
      projectStartDate: '2026-09-03',
      required,
      inForceFen,
      lastDrawdownOn,
      asOf: parseInstant(asOf),
      parameters,
    });
    expect(result?.severity ?? null).toBe(expected);
  });

  it('never fires for an exempt contractor', () => {
    const exempt = requiredDeposit(299_999_999, newcomer, today, parameters);
    expect(
      evaluateDepositShortfall({
        projectStartDate: '2026-01-05',
        required: exempt,
        inForceFen: 0,
        lastDrawdownOn: null,
        asOf: parseInstant('2026-12-01T00:00:00+08:00'),
        parameters,
      }),
    ).toBeNull();
  });

  it('puts the rate, adjustment and reason in the evidence', () => {
    const result = evaluateDepositShortfall({
      projectStartDate: '2026-09-03',
      required,
      inForceFen: 50_000_000,
      lastDrawdownOn: null,
      asOf: parseInstant('2026-10-13T12:00:00+08:00'),
      parameters,
    });
    expect(result?.title).toBe('保证金不足：应存2000000.00元，在存500000.00元');
    expect(result?.evidence.amounts).toEqual({
      requiredDepositFen: 200_000_000,
      depositInForceFen: 50_000_000,
      shortfallFen: 150_000_000,
    });
    expect(result?.evidence.facts).toMatchObject({
      dueDate: '2026-10-08',
      dueBecause: 'PROJECT_START',
      daysLate: 5,
      rateBasisPoints: 200,
      adjustment: 1,
      reason: 'STANDARD',
    });
  });

  it('names the grade in the DEPOSIT_SHORTFALL evidence', () => {
    // 守法诚信等级C级（欠薪）: × 2.0
    const graded = { grade: { grade: 'C' as const, year: 2025, unpaidWages: true, consecutiveAYears: 0 } };
    const required = requiredDeposit(contract, { ...newcomer, ...graded }, today, parameters);
    const shortfall = evaluateDepositShortfall({
      projectStartDate: '2026-06-01',
      required,
      inForceFen: 0,
      lastDrawdownOn: null,
      asOf: parseInstant('2026-10-01T12:00:00+08:00'),
      parameters,
    });
    expect(shortfall?.evidence.facts).toMatchObject({ adjustment: 2, grade: 'C', gradeYear: 2025 });
  });
});

describe('DEPOSIT_SHORTFALL after arrears', () => {
  // ¥1,000,000 contract: exempt (small contract) until arrears; after them 2% × 1.5 = ¥30,000 = 3,000,000 fen
  const contractor = {
    onPlatformSince: '2026-01-01',
    blacklisted: false,
    usesRealNameManagement: true,
    usesDedicatedAccount: true,
  };
  const shortfall = (asOf: string) =>
    evaluateDepositShortfall({
      projectStartDate: '2026-03-01',
      required: requiredDeposit(
        100_000_000,
        { ...contractor, lastArrearsOn: '2026-10-19' },
        '2026-11-01',
        parameters,
      ),
      requiredBeforeArrears: requiredDeposit(
        100_000_000,
        { ...contractor, lastArrearsOn: null },
        '2026-11-01',
        parameters,
      ),
      arrearsOn: '2026-10-19',
      arrearsCounted: ['WAGE_ARREARS:P-1:2026-09'],
      inForceFen: 0,
      lastDrawdownOn: null,
      asOf: at(asOf),
      parameters,
    });

  it('is due topUpWorkingDays (10) after the arrears, not since the project started', () => {
    // 10 working days after Monday 19 October: 20–23, 26–30 October, 2 November → due 2 November
    expect(shortfall('2026-11-02T12:00:00+08:00')).toBeNull();
    const late = shortfall('2026-11-03T12:00:00+08:00');
    expect(late).toMatchObject({ severity: 'ORANGE' });
    expect(late!.evidence.facts).toMatchObject({
      dueDate: '2026-11-02',
      dueBecause: 'RAISED_AFTER_ARREARS',
      daysLate: 1,
      arrearsCounted: ['WAGE_ARREARS:P-1:2026-09'],
      reason: 'RAISED_AFTER_ARREARS',
    });
  });
});
