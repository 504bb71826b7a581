import { sumFen } from '../money';
import { type Finding, finding, monthLabel, type Severity, shareExceeds } from './finding';
import type { RuleParameterMap } from './parameters';
import { deadlineFacts, isDue, pastDeadline, type WageMonthContext, type WorkerMonth } from './wage-month';

export type WageArrearsParameters = RuleParameterMap['WAGE_ARREARS'];

export interface WageArrearsInput extends WageMonthContext {
  /** Every worker with attendance or a pay-sheet line in the month. */
  workers: readonly WorkerMonth[];
  parameters: WageArrearsParameters;
}

/**
 * 欠薪: after the month's deadline, workers due wages who have received nothing for the month. A payment made
 * late clears it; evaluated before the deadline it finds nothing.
 */
export function evaluateWageArrears({ workers, parameters, ...context }: WageArrearsInput): Finding | null {
  const past = pastDeadline(context, parameters.graceDays);
  if (past === null) return null;
  const due = workers.filter(isDue);
  const unpaid = due.filter((worker) => worker.paidFen === 0);
  if (unpaid.length === 0) return null;
  return finding({
    code: 'WAGE_ARREARS',
    severity: arrearsSeverity(past.daysOverdue, unpaid.length, due.length, parameters),
    month: context.month,
    title: `${monthLabel(context.month)} 欠薪：${unpaid.length}名工人未收到工资`,
    workers: unpaid.map((worker) => ({
      ...worker,
      ...(worker.netPayFen !== null && { amountDueFen: worker.netPayFen }),
      amountPaidFen: 0,
    })),
    // Workers without a sheet line have no known amount; the count of them is a fact.
    amounts: { netPayDueFen: sumFen(unpaid.map((worker) => worker.netPayFen ?? 0)) },
    parameters,
    facts: {
      ...deadlineFacts(past),
      workersDue: due.length,
      workersUnpaid: unpaid.length,
      workersUnpaidWithoutPaySheet: unpaid.filter((worker) => worker.netPayFen === null).length,
    },
  });
}

export function arrearsSeverity(
  daysOverdue: number,
  unpaidWorkers: number,
  dueWorkers: number,
  parameters: WageArrearsParameters,
): Severity {
  if (daysOverdue > parameters.redDaysOverdue || unpaidWorkers >= parameters.redUnpaidWorkers) return 'RED';
  if (
    daysOverdue > parameters.orangeDaysOverdue ||
    shareExceeds(unpaidWorkers, dueWorkers, parameters.orangeUnpaidShareBasisPoints)
  ) {
    return 'ORANGE';
  }
  return 'YELLOW';
}
