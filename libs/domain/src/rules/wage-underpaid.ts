import { sumFen } from '../money';
import { type Finding, finding, monthLabel, shareExceeds } from './finding';
import type { RuleParameterMap } from './parameters';
import { deadlineFacts, pastDeadline, type WageMonthContext, type WorkerMonth } from './wage-month';

export type WageUnderpaidParameters = RuleParameterMap['WAGE_UNDERPAID'];

export interface WageUnderpaidInput extends WageMonthContext {
  workers: readonly WorkerMonth[];
  parameters: WageUnderpaidParameters;
}

/**
 * 未足额支付: after the deadline, workers paid something but less than their net pay on the sheet by more than
 * the tolerance. Workers paid nothing are arrears, not underpayment, and are left out here and of the
 * shortfall the ORANGE share is measured on (it would count them twice).
 */
export function evaluateWageUnderpaid({
  workers,
  parameters,
  ...context
}: WageUnderpaidInput): Finding | null {
  const past = pastDeadline(context, parameters.graceDays);
  if (past === null) return null;
  const onSheet = workers.filter((worker) => worker.netPayFen !== null);
  const underpaid = onSheet.filter(
    (worker) => worker.paidFen > 0 && worker.netPayFen! - worker.paidFen > parameters.underpaidToleranceFen,
  );
  if (underpaid.length === 0) return null;
  const sheetNetPayFen = sumFen(onSheet.map((worker) => worker.netPayFen!));
  const shortfallFen = sumFen(underpaid.map((worker) => worker.netPayFen! - worker.paidFen));
  return finding({
    code: 'WAGE_UNDERPAID',
    severity: shareExceeds(shortfallFen, sheetNetPayFen, parameters.orangeShortfallShareBasisPoints)
      ? 'ORANGE'
      : 'YELLOW',
    month: context.month,
    title: `${monthLabel(context.month)} 未足额支付：${underpaid.length}名工人工资不足额`,
    workers: underpaid.map((worker) => ({
      ...worker,
      amountDueFen: worker.netPayFen!,
      amountPaidFen: worker.paidFen,
    })),
    amounts: {
      sheetNetPayFen,
      netPayDueFen: sumFen(underpaid.map((worker) => worker.netPayFen!)),
      paidFen: sumFen(underpaid.map((worker) => worker.paidFen)),
      shortfallFen,
    },
    parameters,
    facts: { ...deadlineFacts(past), workersOnSheet: onSheet.length, workersUnderpaid: underpaid.length },
  });
}
