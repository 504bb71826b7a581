import { wageDeadline } from './deadline';
import { compareDates, dateInShanghai, type IsoDate, type Month, monthOf, previousMonth } from './month';
import { PARAMETER_CATALOGUE } from './rules/parameters';

/**
 * The day after which every project's wages for `month` are past their deadline (docs/domain.md, coverage): a
 * payday of 31 — the last day of the month after, moved back to a working day — plus the national grace days.
 * Until it has passed, the payment metrics of the month are pending: a project whose payday is yet to come
 * has not failed to pay.
 */
export function paymentMetricsPendingUntil(month: Month): IsoDate {
  return wageDeadline(month, {
    payday: 31,
    graceDays: PARAMETER_CATALOGUE.WAGE_ARREARS.graceDays.defaultValue,
  }).deadline;
}

/** Whether the payment metrics of `month` are still pending at `asOf` (the deadline's day included). */
export function isPaymentPending(month: Month, asOf: Date): boolean {
  return compareDates(dateInShanghai(asOf), paymentMetricsPendingUntil(month)) <= 0;
}

/** The latest month whose payment metrics are no longer pending at `asOf`: what a dashboard opens on. */
export function latestDueMonth(asOf: Date): Month {
  let month = monthOf(asOf);
  while (isPaymentPending(month, asOf)) month = previousMonth(month);
  return month;
}
