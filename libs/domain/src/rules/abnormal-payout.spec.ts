import { evaluateAbnormalPayout, type WorkerPayout } from './abnormal-payout';
import { defaultParameters } from './parameters';

describe('evaluateAbnormalPayout', () => {
  const parameters = defaultParameters().ABNORMAL_PAYOUT;
  const payout = (paidInMonthFen: number, paidInYearFen: number): WorkerPayout => ({
    idHash: 'id-1',
    idMasked: '350206********0001',
    paidInMonthFen,
    paidInYearFen,
  });
  it.each<[string, WorkerPayout, boolean]>([
    ['¥50,000 in the month', payout(5_000_000, 5_000_000), false],
    ['¥50,000.01 in the month', payout(5_000_001, 5_000_001), true],
    ['¥300,000 in the year', payout(100_000, 30_000_000), false],
    ['¥300,000.01 in the year', payout(100_000, 30_000_001), true],
  ])('%s → %p', (_scenario, worker, fires) => {
    const result = evaluateAbnormalPayout({ month: '2026-09', workers: [worker], parameters });
    expect(result?.severity ?? null).toBe(fires ? 'YELLOW' : null);
  });
});
