import { defaultParameters } from './parameters';
import { evaluateWageUnderpaid } from './wage-underpaid';
import type { WorkerMonth } from './wage-month';
import { at, worker, workers } from './wage-month.fixtures';

const parameters = defaultParameters().WAGE_UNDERPAID;
// September 2026, payday 15 → deadline Sat 17 Oct; 20 Oct is after it
const september = { month: '2026-09', payday: 15, parameters };
const after = at('2026-10-20T12:00:00+08:00');
const full = { netPayFen: 600_000, paidFen: 600_000 };

describe('evaluateWageUnderpaid', () => {
  it.each<
    [string, WorkerMonth[], Date, null | { severity: string; underpaid: number; shortfallFen: number }]
  >([
    // ── the tolerance (¥1 = 100 fen): a shortfall must be more than it ──
    ['paid in full', workers(5, full), after, null],
    ['short by 100 fen: tolerated', [worker(1, { netPayFen: 600_000, paidFen: 599_900 })], after, null],
    // 600,000 − 599,899 = 101 > 100; 101 of 600,000 is far below 20% → YELLOW
    [
      'short by 101 fen',
      [worker(1, { netPayFen: 600_000, paidFen: 599_899 })],
      after,
      { severity: 'YELLOW', underpaid: 1, shortfallFen: 101 },
    ],
    ['overpaid', [worker(1, { netPayFen: 600_000, paidFen: 700_000 })], after, null],
    // ── who counts ──
    ['paid nothing: arrears, not underpayment', [worker(1, { netPayFen: 600_000, paidFen: 0 })], after, null],
    ['no sheet line: any payment pays the month', [worker(1, { netPayFen: null, paidFen: 1 })], after, null],
    // ── the deadline ──
    [
      'before the deadline ends',
      [worker(1, { netPayFen: 600_000, paidFen: 300_000 })],
      at('2026-10-17T23:59:59.999+08:00'),
      null,
    ],
    // ── severity: shortfall share of the sheet's net pay (5 × 600,000 = 3,000,000) ──
    // Sheet 4 × 500,000 + 1,000,000 = 3,000,000. Worker 5 short 1,000,000 − 400,000 = 600,000 = 20%, not more
    [
      'shortfall exactly 20% of the sheet',
      [
        ...workers(4, { netPayFen: 500_000, paidFen: 500_000 }),
        worker(5, { netPayFen: 1_000_000, paidFen: 400_000 }),
      ],
      after,
      { severity: 'YELLOW', underpaid: 1, shortfallFen: 600_000 },
    ],
    // One fen more: 600,001 > 20% of 3,000,000 → ORANGE
    [
      'shortfall one fen over 20%',
      [
        ...workers(4, { netPayFen: 500_000, paidFen: 500_000 }),
        worker(5, { netPayFen: 1_000_000, paidFen: 399_999 }),
      ],
      after,
      { severity: 'ORANGE', underpaid: 1, shortfallFen: 600_001 },
    ],
    // 2 workers half paid: short 2 × 300,000 = 600,000 of 2,400,000 (4 × 600,000) = 25% → ORANGE
    [
      'shortfall over 20% of the sheet',
      [...workers(2, full), ...workers(2, { netPayFen: 600_000, paidFen: 300_000 }, 3)],
      after,
      { severity: 'ORANGE', underpaid: 2, shortfallFen: 600_000 },
    ],
    // Worker 3 unpaid is arrears and does not add to the shortfall: 100,000 of 1,800,000 = 5.6% → YELLOW
    [
      'unpaid workers stay out of the shortfall',
      [worker(1, full), worker(2, { netPayFen: 600_000, paidFen: 500_000 }), worker(3, { paidFen: 0 })],
      after,
      { severity: 'YELLOW', underpaid: 1, shortfallFen: 100_000 },
    ],
  ])('%s', (_scenario, monthWorkers, asOf, expected) => {
    const result = evaluateWageUnderpaid({ ...september, asOf, workers: monthWorkers });
    expect(
      result && {
        severity: result.severity,
        underpaid: result.evidence.workersAffected,
        shortfallFen: result.evidence.amounts.shortfallFen,
      },
    ).toEqual(expected);
  });

  it('clears once the rest is paid (partial then full payment)', () => {
    const partial = evaluateWageUnderpaid({
      ...september,
      asOf: after,
      workers: [worker(1, { netPayFen: 600_000, paidFen: 300_000 })],
    });
    const full = evaluateWageUnderpaid({
      ...september,
      asOf: after,
      workers: [worker(1, { netPayFen: 600_000, paidFen: 600_000 })],
    });
    expect(partial?.title).toBe('2026年9月 未足额支付：1名工人工资不足额');
    expect(partial?.evidence.workers).toEqual([
      expect.objectContaining({ idHash: 'id-hash-1', amountDueFen: 600_000, amountPaidFen: 300_000 }),
    ]);
    expect(partial?.evidence.amounts).toEqual({
      sheetNetPayFen: 600_000,
      netPayDueFen: 600_000,
      paidFen: 300_000,
      shortfallFen: 300_000,
    });
    expect(full).toBeNull();
  });
});
