import { addCalendarDays, compareDates, dateInShanghai, daysBetween, type IsoDate } from '../month';
import { type Finding, finding } from './finding';
import type { RuleParameterMap } from './parameters';

/** 未开设专户: in construction and no dedicated account `accountOpeningDays` after the start (ORANGE). */
export function evaluateNoWageAccount({
  startDate,
  accountOpenedOn,
  asOf,
  parameters,
}: {
  startDate: IsoDate;
  /** The earliest `openedOn` of the project's dedicated accounts; null if none. */
  accountOpenedOn: IsoDate | null;
  asOf: Date;
  parameters: RuleParameterMap['NO_WAGE_ACCOUNT'];
}): Finding | null {
  const today = dateInShanghai(asOf);
  const openBy = addCalendarDays(startDate, parameters.accountOpeningDays);
  if (compareDates(today, openBy) <= 0) return null;
  if (accountOpenedOn !== null && compareDates(accountOpenedOn, today) <= 0) return null;
  return finding({
    code: 'NO_WAGE_ACCOUNT',
    severity: 'ORANGE',
    month: null,
    title: `未开设专户：开工${daysBetween(startDate, today)}天仍无农民工工资专用账户`,
    parameters,
    facts: { startDate, openBy, daysLate: daysBetween(openBy, today) },
  });
}
