import { type Finding, finding, monthLabel } from './finding';
import type { Month } from '../month';
import type { RuleParameterMap } from './parameters';

export type WorkerDisputeReason = 'AMOUNT_WRONG' | 'NOT_RECEIVED' | 'CARD_NOT_MINE';

/** A worker's standing dispute of a project-month (their latest answer), as the roster published it: masked. */
export interface WorkerDispute {
  idHash: string;
  idMasked: string;
  /** '王*'. */
  nameMasked: string;
  reason: WorkerDisputeReason;
  answeredAt: Date;
}

const REASON_LABELS: Readonly<Record<WorkerDisputeReason, string>> = {
  AMOUNT_WRONG: '金额不对',
  NOT_RECEIVED: '未收到',
  CARD_NOT_MINE: '工资卡不在本人手中',
};

/**
 * 工人工资异议: workers of the project disputed the month's pay on the workers' channel (YELLOW; ORANGE from
 * `orangeDisputingWorkers` workers). A worker who confirms afterwards no longer counts; none left clears it.
 * CARD_NOT_MINE is evidence that someone else holds the workers' cards (代管工资卡, next to SHARED_BANK_CARD).
 */
export function evaluateWorkerPayDisputed({
  month,
  disputes,
  asOf,
  parameters,
}: {
  month: Month;
  disputes: readonly WorkerDispute[];
  asOf: Date;
  parameters: RuleParameterMap['WORKER_PAY_DISPUTED'];
}): Finding | null {
  const standing = disputes.filter((d) => d.answeredAt.getTime() <= asOf.getTime());
  if (standing.length === 0) return null;
  const byReason: Record<WorkerDisputeReason, number> = {
    AMOUNT_WRONG: 0,
    NOT_RECEIVED: 0,
    CARD_NOT_MINE: 0,
  };
  for (const dispute of standing) byReason[dispute.reason] += 1;
  const reasons = (Object.keys(byReason) as WorkerDisputeReason[])
    .filter((reason) => byReason[reason] > 0)
    .map((reason) => `${REASON_LABELS[reason]}${byReason[reason]}人`)
    .join('、');
  return finding({
    code: 'WORKER_PAY_DISPUTED',
    severity: standing.length >= parameters.orangeDisputingWorkers ? 'ORANGE' : 'YELLOW',
    month,
    title: `${monthLabel(month)} ${standing.length}名工人对工资有异议（${reasons}）`,
    workers: standing.map((d) => ({ idHash: d.idHash, idMasked: d.idMasked, name: d.nameMasked })),
    parameters,
    facts: {
      disputes: standing.length,
      amountWrong: byReason.AMOUNT_WRONG,
      notReceived: byReason.NOT_RECEIVED,
      cardNotMine: byReason.CARD_NOT_MINE,
      disputesByWorker: standing.map((d) => ({ worker: d.idMasked, reason: d.reason })),
    },
  });
}
