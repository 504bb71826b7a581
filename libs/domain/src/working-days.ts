// The holiday table that chinese-days publishes with its functions (README: "chinese-days.json"), from the
// State Council's notices. Its functions are not used: they read dates in the process's local time zone, and
// west of UTC they are a day off (in America/New_York, isWorkday('2026-10-12'), a Monday, is false).
import officialCalendar from 'chinese-days/dist/chinese-days.json';
import { DomainError } from './errors';
import { addCalendarDays, type IsoDate, isIsoDate, parseIsoDate } from './month';

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

/** A year's schedule as the State Council publishes it: the days off and the weekend days worked (调休). */
export interface YearCalendar {
  holidays: readonly IsoDate[];
  workingDays: readonly IsoDate[];
}

/**
 * Years an administrator entered (PUT /api/v1/calendar/{year}), which override the package's data for that
 * year. The process that holds them installs them at start and whenever one is entered.
 */
const entered = new Map<number, { holidays: ReadonlySet<IsoDate>; workingDays: ReadonlySet<IsoDate> }>();

/** Checks a year's schedule: real dates of that year, no day both off and worked. Null when it is sound. */
export function yearCalendarProblem(year: number, calendar: YearCalendar): string | null {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return `the year must be 2000–2100, not ${year}`;
  for (const [field, dates] of [
    ['holidays', calendar.holidays],
    ['workingDays', calendar.workingDays],
  ] as const) {
    for (const date of dates) {
      if (!isIsoDate(date) || !date.startsWith(`${year}-`)) {
        return `${field}: "${date}" is not a date YYYY-MM-DD of ${year}`;
      }
    }
    if (new Set(dates).size !== dates.length) return `${field}: a date is listed twice`;
  }
  const both = calendar.holidays.find((date) => calendar.workingDays.includes(date));
  return both ? `${both} cannot be both a holiday and a working day` : null;
}

/** Makes `calendar` the official one for `year`, in place of the package's data (after yearCalendarProblem). */
export function installYearCalendar(year: number, calendar: YearCalendar): void {
  const problem = yearCalendarProblem(year, calendar);
  if (problem !== null)
    throw new DomainError('INVALID_ARGUMENT', `The calendar of ${year} is not sound: ${problem}.`);
  entered.set(year, { holidays: new Set(calendar.holidays), workingDays: new Set(calendar.workingDays) });
}

/** Forgets the entered years (tests). */
export function clearEnteredCalendars(): void {
  entered.clear();
}

/** Whether the official calendar of `year` is known: the package has it, or an administrator entered it. */
export function isYearCalendarKnown(year: number): boolean {
  return entered.has(year) || (year >= calendarCoverage.firstYear && year <= calendarCoverage.lastYear);
}

export function isCalendarKnown(date: IsoDate): boolean {
  return isYearCalendarKnown(Number(parseIsoDate(date).slice(0, 4)));
}

/** A working day of the official calendar: Monday to Friday unless a holiday, or a weekend day worked (调休). */
export function isWorkingDay(date: IsoDate): boolean {
  const year = entered.get(Number(parseIsoDate(date).slice(0, 4)));
  if (year) {
    if (year.workingDays.has(date)) return true;
    if (year.holidays.has(date)) return false;
  } else {
    if (Object.hasOwn(workdays, date)) return true;
    if (Object.hasOwn(holidays, date)) return false;
  }
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

/** The package's schedule of a year (empty lists for a year it does not have), as GET /calendar shows it. */
export function packagedYearCalendar(year: number): YearCalendar {
  const prefix = `${year}-`;
  return {
    holidays: Object.keys(holidays)
      .filter((d) => d.startsWith(prefix))
      .sort(),
    workingDays: Object.keys(workdays)
      .filter((d) => d.startsWith(prefix))
      .sort(),
  };
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
