import { type WageDeadline, wageDeadline } from './deadline';
import type { Fen } from './money';
import type { Month } from './month';
import { PARAMETER_CATALOGUE } from './rules/parameters';

/** One worker's line of a pay sheet (工资支付表), by roll entry. */
export interface PaySheetLineAmounts {
  workerId: string;
  grossPayFen: Fen;
  netPayFen: Fen;
}

/** A line of the sheet in force that a resubmission lowers: less net pay, or the worker dropped (null). */
export interface LoweredPayLine {
  workerId: string;
  originalNetPayFen: Fen;
  revisedNetPayFen: Fen | null;
}

export interface PaySheetResubmission {
  month: Month;
  /** The project's payday (发薪日), 1–31. */
  payday: number;
  /** When the new sheet arrived. */
  submittedAt: Date;
  /** The month's sheet in force; null when there is none yet. */
  inForce: readonly PaySheetLineAmounts[] | null;
  proposed: readonly PaySheetLineAmounts[];
}

export interface PaySheetResubmissionVerdict {
  /** True when the sheet may not replace the one in force by itself: an inspector must accept it. */
  isRevision: boolean;
  /** The month's wage deadline the arrival was measured against. */
  deadline: WageDeadline;
  /** Lines of the sheet in force lowered or dropped, in the order of the sheet in force. */
  lowered: LoweredPayLine[];
}

/**
 * The grace days a resubmission is measured with: the national default of the payment rules. The rules engine
 * may run a region with other grace days; the roster has no regional parameters, so it holds every region to
 * the national deadline.
 */
export const REVISION_GRACE_DAYS = PARAMETER_CATALOGUE.WAGE_ARREARS.graceDays.defaultValue;

/** The instant after which a lowered pay sheet of `month` is a revision (the month's wage deadline). */
export function paySheetRevisionDeadline(month: Month, payday: number): WageDeadline {
  return wageDeadline(month, { payday, graceDays: REVISION_GRACE_DAYS });
}

/**
 * Whether a pay sheet sent again for a month is a revision (更正) that an inspector must accept rather than a
 * replacement: it arrives after the month's wage deadline and lowers some worker's net pay or drops a worker
 * of the sheet in force. Once wages are due, a project that lowers its own sheet would otherwise end the arrears
 * it is accused of (the monitored party never certifies itself). Raising pay, adding workers, an identical
 * resend and anything before the deadline replace the sheet as before.
 */
export function judgePaySheetResubmission(input: PaySheetResubmission): PaySheetResubmissionVerdict {
  const deadline = paySheetRevisionDeadline(input.month, input.payday);
  const afterDeadline = input.submittedAt.getTime() > deadline.deadlineInstant.getTime();
  if (input.inForce === null || !afterDeadline) return { isRevision: false, deadline, lowered: [] };
  const proposed = new Map(input.proposed.map((line) => [line.workerId, line.netPayFen]));
  const lowered = input.inForce.flatMap((line): LoweredPayLine[] => {
    const revised = proposed.get(line.workerId);
    if (revised !== undefined && revised >= line.netPayFen) return [];
    return [
      { workerId: line.workerId, originalNetPayFen: line.netPayFen, revisedNetPayFen: revised ?? null },
    ];
  });
  return { isRevision: lowered.length > 0, deadline, lowered };
}
