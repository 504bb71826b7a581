import { type Fen, sumFen } from '../money';
import type { Month } from '../month';
import { type Finding, finding, monthLabel, type WorkerRef } from './finding';
import type { RuleParameterMap } from './parameters';

/** One worker's payroll received, by the date it was paid (not the month it pays). */
export interface WorkerPayout extends WorkerRef {
  /** Received in the Shanghai calendar month. */
  paidInMonthFen: Fen;
  /** Received in the calendar year, up to the month's end. */
  paidInYearFen: Fen;
}

/** 异常大额代发: a worker received more than the monthly or the yearly limit (YELLOW). */
export function evaluateAbnormalPayout({
  month,
  workers,
  parameters,
}: {
  month: Month;
  workers: readonly WorkerPayout[];
  parameters: RuleParameterMap['ABNORMAL_PAYOUT'];
}): Finding | null {
  const abnormal = workers.filter(
    (worker) =>
      worker.paidInMonthFen > parameters.monthlyLimitFen || worker.paidInYearFen > parameters.yearlyLimitFen,
  );
  if (abnormal.length === 0) return null;
  return finding({
    code: 'ABNORMAL_PAYOUT',
    severity: 'YELLOW',
    month,
    title: `${monthLabel(month)} 异常大额代发：${abnormal.length}名工人`,
    workers: abnormal.map((worker) => ({ ...worker, amountPaidFen: worker.paidInMonthFen })),
    amounts: { paidInMonthFen: sumFen(abnormal.map((worker) => worker.paidInMonthFen)) },
    parameters,
    facts: {
      overMonthlyLimit: abnormal
        .filter((w) => w.paidInMonthFen > parameters.monthlyLimitFen)
        .map((w) => w.idHash),
      overYearlyLimit: abnormal
        .filter((w) => w.paidInYearFen > parameters.yearlyLimitFen)
        .map((w) => w.idHash),
    },
  });
}
