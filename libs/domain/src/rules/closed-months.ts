import { endOfDayShanghai, lastDayOfMonth, nextMonth, type IsoDate, type Month } from '../month';
import type { ParameterOverride } from './parameters';

/**
 * A month closes when the month after it ends: its wages were due by then (payday falls in the next month at the
 * latest), and the month's verdicts stand. September closes at the end of 31 October (Shanghai).
 */
export function monthCloseDate(month: Month): IsoDate {
  return lastDayOfMonth(nextMonth(month));
}

export function isMonthClosed(month: Month, today: IsoDate): boolean {
  return today > monthCloseDate(month);
}

/**
 * The rule parameters a month is judged by (docs/domain.md, Rule parameters). An open month: those in force
 * today. A closed month keeps the rules it closed with: those in force on its close date, without the overrides
 * set after it closed for later evaluations only (`appliesToClosedMonths: false`, a retroactive change an
 * administrator did not ask to re-evaluate). Project-wide rules (deposits, the account, the feed) are judged
 * by today's parameters whatever the month.
 */
export function monthParameterBasis(
  overrides: readonly ParameterOverride[],
  month: Month,
  today: IsoDate,
): { overrides: ParameterOverride[]; onDate: IsoDate } {
  if (!isMonthClosed(month, today)) return { overrides: [...overrides], onDate: today };
  const close = monthCloseDate(month);
  const closedAt = endOfDayShanghai(close).getTime();
  return {
    overrides: overrides.filter(
      (o) => o.appliesToClosedMonths !== false || o.setAt === undefined || o.setAt.getTime() <= closedAt,
    ),
    onDate: close,
  };
}
