import { DomainError } from './errors';
import {
  addCalendarDays,
  dateInShanghai,
  daysBetween,
  daysInMonth,
  endOfDayShanghai,
  type IsoDate,
  type Month,
  nextMonth,
} from './month';
import { isCalendarKnown, previousWorkingDayOnOrBefore } from './working-days';

export interface WageDeadlineTerms {
  /** Day of the month wages are paid (1–31), as agreed with the workers. */
  payday: number;
  /** Calendar days the platform waits after the due date before raising an alert (the rule parameter). */
  graceDays: number;
}

export interface WageDeadline {
  /** The agreed payday in the month after the month worked; the month's last day if it has no such day. */
  payday: IsoDate;
  /** The payday, or the working day before it when it is a rest day or holiday. */
  dueDate: IsoDate;
  /** The due date plus the grace days. */
  deadline: IsoDate;
  /** 23:59:59.999 Shanghai time on the deadline: a payment up to this instant is on time. */
  deadlineInstant: Date;
  /** False when the official calendar for the payday's year was not known, so Mon–Fri stood in for it. */
  calendarKnown: boolean;
}

/**
 * When wages for `month` are due and when their absence becomes an alert.
 * A payday of 31 means the last day of a shorter month (30 April, 28 February): a monthly wage is owed
 * every month. Grace days are calendar days: they allow for bank records to arrive and are no legal period,
 * and the overdue thresholds (15, 30 days) are calendar days too.
 */
export function wageDeadline(month: Month, { payday, graceDays }: WageDeadlineTerms): WageDeadline {
  if (!Number.isInteger(payday) || payday < 1 || payday > 31) {
    throw new DomainError(
      'INVALID_ARGUMENT',
      `A payday is a day of the month from 1 to 31, not ${payday}.`,
      'payday',
    );
  }
  if (!Number.isInteger(graceDays) || graceDays < 0) {
    throw new DomainError(
      'INVALID_ARGUMENT',
      `Grace days must be a whole number of at least 0, not ${graceDays}.`,
      'graceDays',
    );
  }
  const payMonth = nextMonth(month);
  const nominalPayday = `${payMonth}-${String(Math.min(payday, daysInMonth(payMonth))).padStart(2, '0')}`;
  const dueDate = previousWorkingDayOnOrBefore(nominalPayday);
  const deadline = addCalendarDays(dueDate, graceDays);
  return {
    payday: nominalPayday,
    dueDate,
    deadline,
    deadlineInstant: endOfDayShanghai(deadline),
    // The calendar covers whole years, so the two ends of the search vouch for the days between them.
    calendarKnown: isCalendarKnown(nominalPayday) && isCalendarKnown(dueDate),
  };
}

/** Whole Shanghai calendar days past the deadline at `asOf`: 0 up to the deadline's end, 1 the day after. */
export function daysOverdue(deadline: IsoDate, asOf: Date): number {
  return Math.max(0, daysBetween(deadline, dateInShanghai(asOf)));
}
