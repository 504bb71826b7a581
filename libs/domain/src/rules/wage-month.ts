import { daysOverdue, type WageDeadline, wageDeadline } from '../deadline';
import type { Fen } from '../money';
import type { Month } from '../month';
import type { FactValue, WorkerRef } from './finding';

/**
 * One worker's month, as the engine's SQL sums it: days of attendance, the pay-sheet line's net pay, and the
 * payroll attributed to the month up to the instant evaluated (see `attributePayments`).
 */
export interface WorkerMonth extends WorkerRef {
  daysWorked: number;
  /** 实发工资 on the month's pay sheet; null when no sheet line names the worker. */
  netPayFen: Fen | null;
  /** Payroll from the dedicated account attributed to the month, made up to the instant evaluated. */
  paidFen: Fen;
}

/** The project-month a wage rule looks at, and the instant it is evaluated as of. */
export interface WageMonthContext {
  month: Month;
  /** The project's payday (发薪日), 1–31. */
  payday: number;
  asOf: Date;
}

/**
 * A worker is due wages for the month when they worked (days > 0) or are on the pay sheet. A sheet line of
 * zero net pay owes nothing, so it is not counted as due.
 */
export function isDue(worker: WorkerMonth): boolean {
  return worker.netPayFen === null ? worker.daysWorked > 0 : worker.netPayFen > 0;
}

export interface PastDeadline {
  deadline: WageDeadline;
  daysOverdue: number;
}

/** The month's wage deadline, or null while `asOf` is still on or before its last instant. */
export function pastDeadline(
  { month, payday, asOf }: WageMonthContext,
  graceDays: number,
): PastDeadline | null {
  const deadline = wageDeadline(month, { payday, graceDays });
  if (asOf.getTime() <= deadline.deadlineInstant.getTime()) return null;
  return { deadline, daysOverdue: daysOverdue(deadline.deadline, asOf) };
}

export function deadlineFacts({ deadline, daysOverdue }: PastDeadline): Record<string, FactValue> {
  return {
    payday: deadline.payday,
    dueDate: deadline.dueDate,
    deadline: deadline.deadline,
    daysOverdue,
    calendarKnown: deadline.calendarKnown,
  };
}
