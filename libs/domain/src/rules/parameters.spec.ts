import { DomainError } from '../errors';
import {
  checkParameterOverride,
  defaultParameters,
  type ParameterOverride,
  type ParameterSource,
  resolveParameters,
} from './parameters';

describe('defaultParameters', () => {
  it.each<[string, string, number | null]>([
    ['WAGE_ARREARS', 'graceDays', 2],
    ['WAGE_ARREARS', 'orangeDaysOverdue', 15],
    ['WAGE_ARREARS', 'redDaysOverdue', 30],
    ['WAGE_ARREARS', 'orangeUnpaidShareBasisPoints', 1000], // 10%
    ['WAGE_ARREARS', 'redUnpaidWorkers', 10],
    ['WAGE_UNDERPAID', 'underpaidToleranceFen', 100], // ¥1
    ['WAGE_UNDERPAID', 'orangeShortfallShareBasisPoints', 2000], // 20%
    ['PAY_SHEET_MISSING', 'graceDays', 2],
    ['LABOR_COST_NOT_APPROPRIATED', 'appropriationGraceDays', 10],
    ['ACCOUNT_BALANCE_SHORTFALL', 'shortfallLookaheadDays', 5],
    ['DEPOSIT_SHORTFALL', 'depositRateBasisPoints', 200], // 2%
    ['DEPOSIT_SHORTFALL', 'depositCapFen', null], // no cap
    ['DEPOSIT_SHORTFALL', 'depositWorkingDays', 20],
    ['DEPOSIT_SHORTFALL', 'topUpWorkingDays', 10],
    ['DEPOSIT_SHORTFALL', 'redAfterDays', 30],
    ['DEPOSIT_GUARANTEE_EXPIRING', 'guaranteeExpiringDays', 30],
    ['FUNDS_DIVERTED', 'redAmountFen', 5_000_000], // ¥50,000
    ['FUNDS_DIVERTED', 'redBalanceShareBasisPoints', 2000],
    ['ABNORMAL_PAYOUT', 'monthlyLimitFen', 5_000_000], // ¥50,000
    ['ABNORMAL_PAYOUT', 'yearlyLimitFen', 30_000_000], // ¥300,000
    ['NO_WAGE_ACCOUNT', 'accountOpeningDays', 30],
    ['REAL_NAME_GAP', 'graceDays', 2],
  ])('%s.%s defaults to %p', (rule, name, expected) => {
    expect((defaultParameters() as unknown as Record<string, Record<string, unknown>>)[rule][name]).toBe(
      expected,
    );
  });
});

describe('resolveParameters', () => {
  const override = (
    regionCode: string,
    name: string,
    value: number | null,
    effectiveFrom: string,
    ruleCode?: ParameterOverride['ruleCode'],
  ): ParameterOverride => ({ regionCode, name, value, effectiveFrom, ...(ruleCode && { ruleCode }) });

  const overrides: ParameterOverride[] = [
    override('350000', 'graceDays', 3, '2026-01-01'),
    override('350200', 'graceDays', 4, '2026-01-01'),
    override('350200', 'graceDays', 5, '2026-07-01'), // a later version for the city
    override('350206', 'graceDays', 1, '2026-10-01', 'WAGE_ARREARS'), // district, arrears only, from October
    override('350200', 'graceDays', 6, '2026-03-01', 'WAGE_UNDERPAID'), // rule-specific beats general in a region
    override('000000', 'depositRateBasisPoints', 150, '2026-01-01', 'DEPOSIT_SHORTFALL'),
    override('350000', 'depositCapFen', 100_000_000, '2026-01-01', 'DEPOSIT_SHORTFALL'),
  ];

  it.each<[string, string, string, string, string, number | null, ParameterSource]>([
    // No override reaches 440300 or applies before 2026: the default
    [
      'another province',
      '440300',
      '2026-09-01',
      'WAGE_ARREARS',
      'graceDays',
      2,
      { kind: 'NATIONAL_DEFAULT' },
    ],
    [
      'before any version',
      '350206',
      '2025-12-31',
      'WAGE_ARREARS',
      'graceDays',
      2,
      { kind: 'NATIONAL_DEFAULT' },
    ],
    // 350206 has nothing before October → its city 350200, version of 2026-01-01 (the July one not yet)
    [
      'city over province, older version',
      '350206',
      '2026-06-30',
      'WAGE_ARREARS',
      'graceDays',
      4,
      { kind: 'OVERRIDE', regionCode: '350200', ruleCode: null, effectiveFrom: '2026-01-01' },
    ],
    [
      'latest version on its first day',
      '350206',
      '2026-07-01',
      'WAGE_ARREARS',
      'graceDays',
      5,
      { kind: 'OVERRIDE', regionCode: '350200', ruleCode: null, effectiveFrom: '2026-07-01' },
    ],
    [
      'district over city',
      '350206',
      '2026-10-01',
      'WAGE_ARREARS',
      'graceDays',
      1,
      { kind: 'OVERRIDE', regionCode: '350206', ruleCode: 'WAGE_ARREARS', effectiveFrom: '2026-10-01' },
    ],
    // The district's override names WAGE_ARREARS only; PAY_SHEET_MISSING still takes the city's general one
    [
      'a rule-specific override leaves other rules',
      '350206',
      '2026-10-01',
      'PAY_SHEET_MISSING',
      'graceDays',
      5,
      { kind: 'OVERRIDE', regionCode: '350200', ruleCode: null, effectiveFrom: '2026-07-01' },
    ],
    // Both 350200 rows are in force; the WAGE_UNDERPAID one names the rule
    [
      'rule-specific beats general in the same region',
      '350211',
      '2026-10-01',
      'WAGE_UNDERPAID',
      'graceDays',
      6,
      { kind: 'OVERRIDE', regionCode: '350200', ruleCode: 'WAGE_UNDERPAID', effectiveFrom: '2026-03-01' },
    ],
    [
      'province',
      '350100',
      '2026-10-01',
      'WAGE_ARREARS',
      'graceDays',
      3,
      { kind: 'OVERRIDE', regionCode: '350000', ruleCode: null, effectiveFrom: '2026-01-01' },
    ],
    [
      'a national override',
      '440300',
      '2026-10-01',
      'DEPOSIT_SHORTFALL',
      'depositRateBasisPoints',
      150,
      { kind: 'OVERRIDE', regionCode: '000000', ruleCode: 'DEPOSIT_SHORTFALL', effectiveFrom: '2026-01-01' },
    ],
    [
      'a cap set by the province',
      '350206',
      '2026-10-01',
      'DEPOSIT_SHORTFALL',
      'depositCapFen',
      100_000_000,
      { kind: 'OVERRIDE', regionCode: '350000', ruleCode: 'DEPOSIT_SHORTFALL', effectiveFrom: '2026-01-01' },
    ],
  ])('%s: %s on %s, %s.%s = %p', (_scenario, region, onDate, rule, name, value, source) => {
    const { parameters, sources } = resolveParameters(overrides, region, onDate);
    expect((parameters as unknown as Record<string, Record<string, unknown>>)[rule][name]).toBe(value);
    expect((sources as unknown as Record<string, Record<string, unknown>>)[rule][name]).toEqual(source);
  });

  it('keeps the other parameters at their defaults', () => {
    const { parameters } = resolveParameters(overrides, '350206', '2026-10-01');
    expect(parameters.WAGE_ARREARS).toEqual({
      graceDays: 1,
      bankFeedLagDays: 3,
      orangeDaysOverdue: 15,
      redDaysOverdue: 30,
      orangeUnpaidShareBasisPoints: 1000,
      redUnpaidWorkers: 10,
    });
  });

  it.each<[string, ParameterOverride]>([
    ['an unknown name', override('350200', 'graceDay', 3, '2026-01-01')],
    ['a name the rule lacks', override('350200', 'graceDays', 3, '2026-01-01', 'FUNDS_DIVERTED')],
    ['a negative value', override('350200', 'graceDays', -1, '2026-01-01')],
    ['a fraction', override('350200', 'graceDays', 1.5, '2026-01-01')],
    ['null for a value that is no cap', override('350200', 'graceDays', null, '2026-01-01')],
    ['a share above 100%', override('350200', 'orangeUnpaidShareBasisPoints', 10_001, '2026-01-01')],
    ['a bad region', override('35020', 'graceDays', 3, '2026-01-01')],
    ['a bad date', override('350200', 'graceDays', 3, '2026-02-30')],
  ])('refuses %s', (_scenario, bad) => {
    expect(() => checkParameterOverride(bad)).toThrow(DomainError);
    expect(() => resolveParameters([bad], '350206', '2026-10-01')).toThrow(DomainError);
  });
});
