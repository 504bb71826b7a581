import type { Fen } from '../money';
import {
  addCalendarDays,
  endOfDayShanghai,
  type IsoDate,
  lastDayOfMonth,
  type Month,
  monthOfDate,
  previousMonth,
} from '../month';
import { type Finding, finding, monthLabel, type Severity } from './finding';
import type { RuleParameterMap } from './parameters';

export type LaborCostNotAppropriatedParameters = RuleParameterMap['LABOR_COST_NOT_APPROPRIATED'];

export interface LaborCostNotAppropriatedInput {
  month: Month;
  projectStartDate: IsoDate;
  /** APPROPRIATION credits by the month they occurred in (Shanghai), for M and the months before it. */
  appropriatedFenByMonth: Readonly<Record<Month, Fen>>;
  asOf: Date;
  parameters: LaborCostNotAppropriatedParameters;
}

/**
 * 人工费用未按月拨付: no appropriation credit during month M, checked once `appropriationGraceDays` after M ends
 * (bank records arrive late; a credit dated in M that arrives late clears it). The start month is not checked:
 * the contract and the appropriation agreement are still being set up. Consecutive months count back from M.
 */
export function evaluateLaborCostNotAppropriated({
  month,
  projectStartDate,
  appropriatedFenByMonth,
  asOf,
  parameters,
}: LaborCostNotAppropriatedInput): Finding | null {
  const startMonth = monthOfDate(projectStartDate);
  if (month <= startMonth) return null;
  const checkedAfter = addCalendarDays(lastDayOfMonth(month), parameters.appropriationGraceDays);
  if (asOf.getTime() <= endOfDayShanghai(checkedAfter).getTime()) return null;
  const without = (m: Month) => (appropriatedFenByMonth[m] ?? 0) === 0;
  if (!without(month)) return null;
  const months = [month];
  for (let m = previousMonth(month); m > startMonth && without(m); m = previousMonth(m)) months.push(m);
  const consecutive = months.length;
  const severity: Severity =
    consecutive >= parameters.redConsecutiveMonths
      ? 'RED'
      : consecutive >= parameters.orangeConsecutiveMonths
        ? 'ORANGE'
        : 'YELLOW';
  return finding({
    code: 'LABOR_COST_NOT_APPROPRIATED',
    severity,
    month,
    title:
      consecutive > 1
        ? `${monthLabel(month)} 人工费用未按月拨付：连续${consecutive}个月未拨付`
        : `${monthLabel(month)} 人工费用未按月拨付`,
    parameters,
    facts: { consecutiveMonths: consecutive, monthsWithoutAppropriation: months.reverse(), checkedAfter },
  });
}
