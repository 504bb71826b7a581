import type { Month } from '../month';
import { type Finding, finding, monthLabel } from './finding';
import type { RuleParameterMap } from './parameters';
import { pastDeadline } from './wage-month';

export interface RealNameGapInput {
  month: Month;
  payday: number;
  /** Workers registered on the roster by `asOf`. */
  rosterSize: number;
  /** When attendance for the month was first reported; null if not yet. */
  attendanceReportedAt: Date | null;
  asOf: Date;
  parameters: RuleParameterMap['REAL_NAME_GAP'];
}

/**
 * 实名制未落实: after month M's wage deadline, the project has no roster or reported no attendance for M
 * (YELLOW). A late report clears it.
 */
export function evaluateRealNameGap({
  rosterSize,
  attendanceReportedAt,
  parameters,
  ...context
}: RealNameGapInput): Finding | null {
  const past = pastDeadline(context, parameters.graceDays);
  if (past === null) return null;
  const noRoster = rosterSize === 0;
  const noAttendance =
    attendanceReportedAt === null || attendanceReportedAt.getTime() > context.asOf.getTime();
  if (!noRoster && !noAttendance) return null;
  return finding({
    code: 'REAL_NAME_GAP',
    severity: 'YELLOW',
    month: context.month,
    title: `${monthLabel(context.month)} 实名制未落实：${noRoster ? '无实名册' : '未报送考勤'}`,
    parameters,
    facts: { noRoster, noAttendance, deadline: past.deadline.deadline, daysOverdue: past.daysOverdue },
  });
}
