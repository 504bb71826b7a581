import { type Finding, finding, monthLabel, type WorkerRef } from './finding';
import type { RuleParameterMap } from './parameters';
import { deadlineFacts, pastDeadline, type WageMonthContext } from './wage-month';

export type PaySheetMissingParameters = RuleParameterMap['PAY_SHEET_MISSING'];

export interface PaySheetMissingInput extends WageMonthContext {
  /** Workers with attendance (days > 0) in the month. */
  workersWithAttendance: readonly (WorkerRef & { daysWorked: number })[];
  /** When the month's first pay sheet was received; null if none yet. */
  paySheetSubmittedAt: Date | null;
  parameters: PaySheetMissingParameters;
}

/**
 * 未编制工资支付表: after the deadline, workers had attendance but no sheet was submitted. A sheet submitted
 * late clears it, as a late payment clears arrears: the alert is about what is still missing.
 */
export function evaluatePaySheetMissing({
  workersWithAttendance,
  paySheetSubmittedAt,
  parameters,
  ...context
}: PaySheetMissingInput): Finding | null {
  const past = pastDeadline(context, parameters.graceDays);
  if (past === null) return null;
  const attended = workersWithAttendance.filter((worker) => worker.daysWorked > 0);
  if (attended.length === 0) return null;
  if (paySheetSubmittedAt !== null && paySheetSubmittedAt.getTime() <= context.asOf.getTime()) return null;
  return finding({
    code: 'PAY_SHEET_MISSING',
    severity: 'YELLOW',
    month: context.month,
    title: `${monthLabel(context.month)} 未编制工资支付表：${attended.length}名工人有考勤`,
    workers: attended,
    parameters,
    facts: {
      ...deadlineFacts(past),
      workersWithAttendance: attended.length,
      daysWorked: attended.reduce((total, worker) => total + worker.daysWorked, 0),
    },
  });
}
