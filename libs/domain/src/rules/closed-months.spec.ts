import { isMonthClosed, monthCloseDate, monthParameterBasis } from './closed-months';
import type { ParameterOverride } from './parameters';

describe('closed months', () => {
  it.each([
    // September's wages fall due in October at the latest: the month closes at the end of October.
    ['2026-09', '2026-10-31'],
    ['2026-12', '2027-01-31'],
    ['2027-01', '2027-02-28'],
  ])('%s closes on %s', (month, close) => {
    expect(monthCloseDate(month)).toBe(close);
    expect(isMonthClosed(month, close)).toBe(false);
  });

  it('is closed from the day after its close date', () => {
    expect(isMonthClosed('2026-09', '2026-11-01')).toBe(true);
    expect(isMonthClosed('2026-10', '2026-11-01')).toBe(false);
  });
});

describe('monthParameterBasis', () => {
  const override = (o: Partial<ParameterOverride>): ParameterOverride => ({
    regionCode: '350206',
    ruleCode: 'WAGE_ARREARS',
    name: 'graceDays',
    value: 5,
    effectiveFrom: '2026-09-01',
    ...o,
  });
  // Set on 1 December, after September closed (end of 31 October, Shanghai = 31 Oct 16:00Z).
  const retroactiveOnly = override({ setAt: new Date('2026-12-01T02:00:00Z'), appliesToClosedMonths: false });
  const reevaluated = override({
    value: 7,
    setAt: new Date('2026-12-01T02:00:00Z'),
    appliesToClosedMonths: true,
  });
  const before = override({
    value: 3,
    setAt: new Date('2026-10-20T02:00:00Z'),
    appliesToClosedMonths: false,
  });

  it.each([
    // An open month (November on 2 December): every override, today's date.
    ['an open month', '2026-11', [retroactiveOnly], [retroactiveOnly], '2026-12-02'],
    // A closed month: its close date, without what was set after it closed for later evaluations only.
    ['a closed month', '2026-09', [retroactiveOnly], [], '2026-10-31'],
    // ... but with what an administrator asked to re-evaluate it by,
    ['a closed month re-evaluated on purpose', '2026-09', [reevaluated], [reevaluated], '2026-10-31'],
    // ... and with what was set before it closed, whatever its flag.
    ['a closed month and a change set before it closed', '2026-09', [before], [before], '2026-10-31'],
    // A value never read from the store (no setAt) applies as its date says.
    ['a closed month and an override without setAt', '2026-09', [override({})], [override({})], '2026-10-31'],
  ])('%s', (_, month, overrides, kept, onDate) => {
    expect(monthParameterBasis(overrides, month, '2026-12-02')).toEqual({ overrides: kept, onDate });
  });
});
