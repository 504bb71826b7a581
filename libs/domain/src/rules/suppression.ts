import { compareDates, firstDayOfMonth, type IsoDate, lastDayOfMonth, type Month } from '../month';
import type { ProjectStatus, RuleCode } from './finding';

export interface StatusChange {
  status: ProjectStatus;
  /** The first day the status holds. */
  effectiveDate: IsoDate;
}

/**
 * Wages already due are never suppressed: these rules only fire for workers who worked or are on a pay sheet
 * for the month, so what they report is owed for work done, whatever the project's status now.
 */
const WAGES_DUE_RULES: ReadonlySet<RuleCode> = new Set([
  'WAGE_ARREARS',
  'WAGE_UNDERPAID',
  'PAY_SHEET_MISSING',
  // A worker disputing wages for work done.
  'WORKER_PAY_DISPUTED',
]);

export type Suppression =
  | { suppressed: false }
  | { suppressed: true; status: Exclude<ProjectStatus, 'IN_CONSTRUCTION'>; since: IsoDate; reason: string };

/** The status on `date`: the latest change effective on or before it; null before the first. */
export function statusOn(history: readonly StatusChange[], date: IsoDate): StatusChange | null {
  return (
    [...history]
      .filter((change) => compareDates(change.effectiveDate, date) <= 0)
      .sort((a, b) => compareDates(a.effectiveDate, b.effectiveDate))
      .pop() ?? null
  );
}

/**
 * Whether a finding is suppressed because the project is suspended (停工) or completed (竣工); the caller
 * records a suppressed finding (AlertSuppressed), never drops it.
 *
 * - Wage rules (arrears, underpayment, missing pay sheet) are never suppressed: wages already due.
 * - A rule about month M is suppressed only when the project was not in construction on any day of M: a
 *   project suspended on 15 September still owes appropriations, attendance and wages for 1–14 September.
 * - A project-wide rule (month null) follows the status on the day evaluated.
 */
export function suppression(
  ruleCode: RuleCode,
  month: Month | null,
  history: readonly StatusChange[],
  onDate: IsoDate,
): Suppression {
  if (WAGES_DUE_RULES.has(ruleCode)) return { suppressed: false };
  if (month === null) {
    const current = statusOn(history, onDate);
    return current === null || current.status === 'IN_CONSTRUCTION'
      ? { suppressed: false }
      : suppressedBy(current);
  }
  const from = firstDayOfMonth(month);
  const to = lastDayOfMonth(month);
  const atStart = statusOn(history, from);
  const changesWithin = history.filter(
    (change) => compareDates(change.effectiveDate, from) > 0 && compareDates(change.effectiveDate, to) <= 0,
  );
  const statuses = [atStart, ...changesWithin].filter((change) => change !== null);
  if (statuses.length === 0 || statuses.some((change) => change.status === 'IN_CONSTRUCTION')) {
    return { suppressed: false };
  }
  return suppressedBy(statusOn(history, to)!);
}

function suppressedBy(change: StatusChange): Suppression {
  const status = change.status as Exclude<ProjectStatus, 'IN_CONSTRUCTION'>;
  return {
    suppressed: true,
    status,
    since: change.effectiveDate,
    reason:
      status === 'SUSPENDED' ? `项目自${change.effectiveDate}起停工` : `项目已于${change.effectiveDate}竣工`,
  };
}
