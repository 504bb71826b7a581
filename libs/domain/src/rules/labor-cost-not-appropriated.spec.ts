import { parseInstant } from '../month';
import { evaluateLaborCostNotAppropriated } from './labor-cost-not-appropriated';
import { defaultParameters } from './parameters';

const parameters = defaultParameters().LABOR_COST_NOT_APPROPRIATED;
const some = 10_000_000;

describe('evaluateLaborCostNotAppropriated', () => {
  // Started 15 Jun 2026 (June not checked). September is checked after 30 Sep + 10 days = 10 Oct ends.
  it.each<[string, Record<string, number>, string, string | null, number | null]>([
    [
      'appropriated in September',
      { '2026-07': some, '2026-08': some, '2026-09': some },
      '2026-10-11T00:00:00+08:00',
      null,
      null,
    ],
    [
      'none, but still within the grace days',
      { '2026-07': some, '2026-08': some },
      '2026-10-10T23:59:59+08:00',
      null,
      null,
    ],
    ['none in September', { '2026-07': some, '2026-08': some }, '2026-10-11T00:00:00+08:00', 'YELLOW', 1],
    [
      'a credit of zero counts as none',
      { '2026-07': some, '2026-08': some, '2026-09': 0 },
      '2026-10-11T00:00:00+08:00',
      'YELLOW',
      1,
    ],
    ['August and September', { '2026-07': some }, '2026-10-11T00:00:00+08:00', 'ORANGE', 2],
    // July, August, September; June (the start month) does not extend the run
    ['three months in a row', {}, '2026-10-11T00:00:00+08:00', 'RED', 3],
  ])('%s', (_scenario, appropriatedFenByMonth, asOf, severity, consecutive) => {
    const result = evaluateLaborCostNotAppropriated({
      month: '2026-09',
      projectStartDate: '2026-06-15',
      appropriatedFenByMonth,
      asOf: parseInstant(asOf),
      parameters,
    });
    expect(result?.severity ?? null).toBe(severity);
    expect(result?.evidence.facts.consecutiveMonths ?? null).toBe(consecutive);
  });

  it('does not check the start month', () => {
    expect(
      evaluateLaborCostNotAppropriated({
        month: '2026-06',
        projectStartDate: '2026-06-15',
        appropriatedFenByMonth: {},
        asOf: parseInstant('2026-12-01T00:00:00+08:00'),
        parameters,
      }),
    ).toBeNull();
  });

  it('titles a run of months', () => {
    const result = evaluateLaborCostNotAppropriated({
      month: '2026-09',
      projectStartDate: '2026-06-15',
      appropriatedFenByMonth: { '2026-07': some },
      asOf: parseInstant('2026-10-11T00:00:00+08:00'),
      parameters,
    });
    expect(result?.title).toBe('2026年9月 人工费用未按月拨付：连续2个月未拨付');
    expect(result?.evidence.facts.monthsWithoutAppropriation).toEqual(['2026-08', '2026-09']);
  });
});
