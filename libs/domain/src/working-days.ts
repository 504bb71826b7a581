// The holiday table that chinese-days publishes with its functions (README: "chinese-days.json"), from the
// State Council's notices. Its functions are not used: they read dates in the process's local time zone, and
// west of UTC they are a day off (in America/New_York, isWorkday('2026-10-12'), a Monday, is false).
import officialCalendar from 'chinese-days/dist/chinese-days.json';
import { DomainError } from './errors';
import { addCalendarDays, type IsoDate, parseIsoDate } from './month';

/** Dates that are days off (法定节假日 and the rest days moved next to them), and weekend days worked (调休上班). */
const { holidays, workdays }: { holidays: Record<IsoDate, string>; workdays: Record<IsoDate, string> } =
  officialCalendar;

const coveredYears = Object.keys(holidays).map((date) => Number(date.slice(0, 4)));

/**
 * The years the official calendar is known for. The State Council announces a year's holidays late in the year
 * before, and chinese-days must then be updated. Outside these years every Monday to Friday counts as a working
 * day — the same fallback chinese-days uses — which is wrong on holidays; callers that must not rely on it ask
 * `isCalendarKnown` (a wage deadline reports it as `calendarKnown`).
 */
export const calendarCoverage = Object.freeze({
  firstYear: Math.min(...coveredYears),
  lastYear: Math.max(...coveredYears),
});

export function isCalendarKnown(date: IsoDate): boolean {
  const year = Number(parseIsoDate(date).slice(0, 4));
  return year >= calendarCoverage.firstYear && year <= calendarCoverage.lastYear;
}

/** A working day of the official calendar: Monday to Friday unless a holiday, or a weekend day worked (调休). */
export function isWorkingDay(date: IsoDate): boolean {
  if (Object.hasOwn(workdays, parseIsoDate(date))) return true;
  if (Object.hasOwn(holidays, date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

/** The date itself if it is a working day, else the last working day before it (payday on a rest day). */
export function previousWorkingDayOnOrBefore(date: IsoDate): IsoDate {
  let day = date;
  while (!isWorkingDay(day)) day = addCalendarDays(day, -1);
  return day;
}

/**
 * The `count`-th working day after `date`, the date itself not counted (so 0 gives back `date`): a deposit due
 * within 20 working days of the construction permit is due on `addWorkingDays(permitDate, 20)`.
 */
export function addWorkingDays(date: IsoDate, count: number): IsoDate {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new DomainError(
      'INVALID_ARGUMENT',
      `Working days to add must be a whole number of at least 0, not ${count}.`,
    );
  }
  let day = parseIsoDate(date);
  let remaining = count;
  while (remaining > 0) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(day)) remaining--;
  }
  return day;
}
