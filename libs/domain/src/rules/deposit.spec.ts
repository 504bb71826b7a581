import { parseInstant } from '../month';
import {
  type ContractorRecord,
  type DepositMovement,
  type DepositRecord,
  depositInForce,
  monthsBefore,
  requiredDeposit,
} from './deposit';
import { contract, newcomer, parameters, today } from './deposit.fixtures';

describe('requiredDeposit once the contractor is graded (守法诚信等级 decides the adjustment)', () => {
  const graded = (grade: 'A' | 'B' | 'C', consecutiveAYears: number, unpaidWages = false) => ({
    grade: { grade, year: 2025, unpaidWages, consecutiveAYears },
  });
  it.each<[string, Partial<ContractorRecord>, object]>([
    // 2% × 2.0 = 4% of ¥100,000,000
    [
      'C for unpaid wages: × 2.0',
      graded('C', 0, true),
      {
        requiredFen: 400_000_000,
        adjustment: 2,
        reason: 'GRADE_C_UNPAID_WAGES',
        grade: { grade: 'C', year: 2025 },
      },
    ],
    ['C for obstruction, no wages: × 1.0', graded('C', 0), { adjustment: 1, reason: 'GRADE_STANDARD' }],
    // B with arrears 10 months ago: the grade decides, not the 1.5 of raw arrears
    [
      'B: × 1.0 even after arrears',
      { ...graded('B', 0, true), lastArrearsOn: '2025-12-01' },
      { requiredFen: 200_000_000, adjustment: 1, reason: 'GRADE_STANDARD' },
    ],
    ['one A year: × 1.0', graded('A', 1), { adjustment: 1, reason: 'GRADE_STANDARD' }],
    [
      'two A years: × 0.5',
      graded('A', 2),
      { requiredFen: 100_000_000, adjustment: 0.5, reason: 'GRADE_A_REDUCED' },
    ],
    [
      'three A years with real-name and the dedicated account: exempt',
      graded('A', 3),
      { requiredFen: 0, exempt: true, reason: 'GRADE_A_EXEMPT' },
    ],
    [
      'three A years without the dedicated account: × 0.5',
      { ...graded('A', 3), usesDedicatedAccount: false },
      { adjustment: 0.5, reason: 'GRADE_A_REDUCED' },
    ],
    [
      'listed outranks an A: × 2.0',
      { ...graded('A', 3), blacklisted: true },
      { adjustment: 2, reason: 'BLACKLISTED' },
    ],
  ])('%s', (_, record, expected) => {
    expect(requiredDeposit(contract, { ...newcomer, ...record }, today, parameters)).toMatchObject(expected);
  });
});

describe('a region overrides the consequences of the grades', () => {
  const graded = (grade: 'A' | 'C', consecutiveAYears: number, unpaidWages = false) => ({
    ...newcomer,
    grade: { grade, year: 2025, unpaidWages, consecutiveAYears },
  });
  // a province that doubles only the listed, raises C by half, and rewards A after one year, exempts after two
  const regional = {
    ...parameters,
    gradeCAdjustmentPercent: 150,
    gradeAReducedAfterYears: 1,
    gradeAExemptAfterYears: 2,
    reducedAdjustmentPercent: 80,
  };
  it.each<[string, ContractorRecord, object]>([
    [
      'C for unpaid wages: × 1.5 there, and the evidence says so',
      graded('C', 0, true),
      { requiredFen: 300_000_000, adjustment: 1.5, reasonText: '守法诚信等级C级（欠薪），按1.5倍缴存' },
    ],
    [
      'one A year: × 0.8 there',
      graded('A', 1),
      {
        requiredFen: 160_000_000,
        reason: 'GRADE_A_REDUCED',
        reasonText: '连续1年守法诚信等级A级，按0.8倍缴存',
      },
    ],
    [
      'two A years: exempt there',
      graded('A', 2),
      {
        requiredFen: 0,
        reason: 'GRADE_A_EXEMPT',
        reasonText: '连续2年守法诚信等级A级且落实实名制和专户，免缴',
      },
    ],
    [
      'listed: still the blacklist adjustment',
      { ...graded('C', 0, true), blacklisted: true },
      { adjustment: 2, reason: 'BLACKLISTED', reasonText: '列入失信名单，按2倍缴存' },
    ],
  ])('%s', (_, record, expected) => {
    expect(requiredDeposit(contract, record, today, regional)).toMatchObject(expected);
  });

  it('the national defaults say what they did before: 2 and 3 A years, C × 2', () => {
    expect(requiredDeposit(contract, graded('A', 2), today, parameters).reasonText).toBe(
      '连续2年守法诚信等级A级，按0.5倍缴存',
    );
    expect(requiredDeposit(contract, graded('A', 1), today, parameters).reason).toBe('GRADE_STANDARD');
    expect(requiredDeposit(contract, graded('C', 0, true), today, parameters).adjustment).toBe(2);
  });
});

describe('requiredDeposit', () => {
  it.each<[string, number, Partial<ContractorRecord>, object]>([
    ['standard: 2% × 1.0', contract, {}, { requiredFen: 200_000_000, adjustment: 1, reason: 'STANDARD' }],
    // on the platform since 2024-10-01: exactly 24 months, no arrears → 2% × 0.5 = 1%
    [
      '24 clean months: × 0.5',
      contract,
      { onPlatformSince: '2024-10-01' },
      { requiredFen: 100_000_000, adjustment: 0.5, reason: 'REDUCED_CLEAN_RECORD' },
    ],
    [
      'one day short of 24 months',
      contract,
      { onPlatformSince: '2024-10-02' },
      { adjustment: 1, reason: 'STANDARD' },
    ],
    // arrears on 2024-10-02 is within the 24 months before 2026-10-01 → 2% × 1.5 = 3%
    [
      'arrears within 24 months: × 1.5',
      contract,
      { onPlatformSince: '2020-01-01', lastArrearsOn: '2024-10-02' },
      { requiredFen: 300_000_000, adjustment: 1.5, reason: 'RAISED_AFTER_ARREARS' },
    ],
    // arrears exactly 24 months ago (2024-10-01) is no longer within them; 24 clean months since → × 0.5
    [
      'arrears exactly 24 months ago',
      contract,
      { onPlatformSince: '2020-01-01', lastArrearsOn: '2024-10-01', usesDedicatedAccount: false },
      { adjustment: 0.5, reason: 'REDUCED_CLEAN_RECORD' },
    ],
    [
      'blacklist: × 2.0',
      contract,
      { blacklisted: true, lastArrearsOn: '2026-01-01' },
      { requiredFen: 400_000_000, adjustment: 2, reason: 'BLACKLISTED', exempt: false },
    ],
    // ¥2,999,999.99 < ¥3,000,000, no arrears in the last 12 months → exempt
    [
      'small contract, no arrears in 12 months: exempt',
      299_999_999,
      { lastArrearsOn: '2025-10-01' },
      { requiredFen: 0, exempt: true, reason: 'EXEMPT_SMALL_CONTRACT' },
    ],
    // exactly ¥3,000,000 is not below it → 2% = 6,000,000 fen
    ['contract of exactly ¥3,000,000', 300_000_000, {}, { requiredFen: 6_000_000, exempt: false }],
    // arrears on 2025-10-02 is within 12 months → not exempt, and within 24 → × 1.5: 299,999,999 × 3% = 8,999,999.97
    [
      'small contract with recent arrears',
      299_999_999,
      { lastArrearsOn: '2025-10-02' },
      { requiredFen: 9_000_000, exempt: false, reason: 'RAISED_AFTER_ARREARS' },
    ],
    [
      'blacklisted small contract is not exempt',
      299_999_999,
      { blacklisted: true },
      { requiredFen: 12_000_000, exempt: false, reason: 'BLACKLISTED' }, // 299,999,999 × 4% = 11,999,999.96
    ],
    [
      '36 clean months, real name and account: exempt',
      contract,
      { onPlatformSince: '2023-10-01' },
      { requiredFen: 0, exempt: true, reason: 'EXEMPT_CLEAN_RECORD' },
    ],
    [
      '36 clean months without real-name management: × 0.5',
      contract,
      { onPlatformSince: '2023-10-01', usesRealNameManagement: false },
      { requiredFen: 100_000_000, exempt: false, reason: 'REDUCED_CLEAN_RECORD' },
    ],
    // 1 fen × 2% = 0.02 fen → 0 (四舍五入); 25 fen × 2% = 0.5 → 1
    ['rounding down', 1, { lastArrearsOn: '2026-01-01' }, { requiredFen: 0 }],
    ['rounding half up', 17, { lastArrearsOn: '2026-01-01' }, { requiredFen: 1 }], // 17 × 3% = 0.51
  ])('%s', (_scenario, amount, record, expected) => {
    expect(requiredDeposit(amount, { ...newcomer, ...record }, today, parameters)).toMatchObject(expected);
  });

  it.each<[string, number | null, number, object]>([
    // 2% of ¥100,000,000 = ¥2,000,000 > cap ¥1,000,000 → the cap
    ['the cap applies', 100_000_000, 200, { requiredFen: 100_000_000, capped: true }],
    ['under the cap', 300_000_000, 200, { requiredFen: 200_000_000, capped: false }],
    // a region at 1%: 100,000,000 fen
    ['a regional rate', null, 100, { requiredFen: 100_000_000, rateBasisPoints: 100 }],
  ])('%s', (_scenario, cap, rate, expected) => {
    expect(
      requiredDeposit(contract, newcomer, today, {
        ...parameters,
        depositCapFen: cap,
        depositRateBasisPoints: rate,
      }),
    ).toMatchObject(expected);
  });

  it.each([
    ['2026-10-01', 24, '2024-10-01'],
    ['2026-03-31', 1, '2026-02-28'],
    ['2024-02-29', 12, '2023-02-28'],
    ['2026-01-15', 1, '2025-12-15'],
  ])('monthsBefore(%s, %i) = %s', (date, months, expected) => {
    expect(monthsBefore(date, months)).toBe(expected);
  });
});

describe('depositInForce', () => {
  const deposits: DepositRecord[] = [
    { depositId: 'cash', form: 'CASH', amountFen: 100_000_000, effectiveOn: '2026-03-01' },
    {
      depositId: 'letter',
      form: 'GUARANTEE',
      amountFen: 100_000_000,
      effectiveOn: '2026-03-01',
      expiresOn: '2026-12-31',
    },
  ];
  const movements: DepositMovement[] = [
    {
      depositId: 'cash',
      kind: 'DRAWDOWN',
      amountFen: 30_000_000,
      occurredAt: parseInstant('2026-06-10T10:00:00+08:00'),
    },
    {
      depositId: 'cash',
      kind: 'TOPUP',
      amountFen: 30_000_000,
      occurredAt: parseInstant('2026-06-20T10:00:00+08:00'),
    },
  ];
  it.each([
    ['before either', '2026-02-28', 0, 0],
    ['both in force', '2026-06-01', 100_000_000, 100_000_000],
    // 100,000,000 − 30,000,000 drawn
    ['after a drawdown', '2026-06-10', 70_000_000, 100_000_000],
    ['topped up', '2026-06-20', 100_000_000, 100_000_000],
    ['on the letter’s last day', '2026-12-31', 100_000_000, 100_000_000],
    ['the letter expired', '2027-01-01', 100_000_000, 0],
  ])('%s (%s): cash %i, guarantee %i', (_scenario, onDate, cashFen, guaranteeFen) => {
    expect(depositInForce(deposits, movements, onDate)).toMatchObject({
      cashFen,
      guaranteeFen,
      totalFen: cashFen + guaranteeFen,
    });
  });
});
