import { isWorkday } from 'chinese-days';
import { wageDeadline } from './deadline';
import { addCalendarDays } from './month';
import {
  addWorkingDays,
  calendarCoverage,
  clearEnteredCalendars,
  installYearCalendar,
  isCalendarKnown,
  isWorkingDay,
  isYearCalendarKnown,
  previousWorkingDayOnOrBefore,
  yearCalendarProblem,
} from './working-days';

// 2026 per the State Council's notice (gov.cn/zhengce/zhengceku/202511/content_7047091.htm):
// National Day 1–7 Oct (Thu–Wed), worked Sun 20 Sep and Sat 10 Oct; Mid-Autumn 25–27 Sep;
// Spring Festival 15–23 Feb, worked Sat 14 and Sat 28 Feb; New Year 1–3 Jan, worked Sun 4 Jan;
// Labour Day 1–5 May, worked Sat 9 May.
describe('isWorkingDay', () => {
  it.each([
    ['2026-06-15', 'an ordinary Monday', true],
    ['2026-06-13', 'an ordinary Saturday', false],
    ['2026-10-01', 'National Day, a Thursday', false],
    ['2026-10-03', 'a Saturday within the National Day holiday', false],
    ['2026-10-07', 'the Wednesday ending the National Day holiday', false],
    ['2026-10-08', 'the Thursday after it', true],
    ['2026-10-10', 'a Saturday worked (调休)', true],
    ['2026-09-20', 'a Sunday worked (调休)', true],
    ['2026-09-25', 'Mid-Autumn Festival, a Friday', false],
    ['2026-02-20', 'a Friday in the Spring Festival holiday', false],
    ['2026-02-14', 'a Saturday worked before the Spring Festival', true],
    ['2026-02-28', 'a Saturday worked after the Spring Festival', true],
    ['2026-01-04', 'a Sunday worked after New Year', true],
    ['2026-05-09', 'a Saturday worked after Labour Day', true],
    ['2025-10-08', 'the eighth day of the 2025 National Day and Mid-Autumn holiday, a Wednesday', false],
    ['2025-10-11', 'a Saturday worked in 2025', true],
    ['2004-10-01', 'National Day in the first year covered', false],
    ['2099-01-01', 'a Thursday in a year without a calendar: Mon–Fri stands in, even on New Year', true],
    ['2099-01-03', 'a Saturday in a year without a calendar', false],
  ])('%s, %s → %s', (date, _scenario, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('refuses an impossible date', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  const coveredYears = Array.from(
    { length: calendarCoverage.lastYear - calendarCoverage.firstYear + 1 },
    (_, i) => calendarCoverage.firstYear + i,
  );
  it.each(coveredYears)('knows New Year of %i, in every year covered, as a holiday', (year) => {
    expect(isWorkingDay(`${year}-01-01`)).toBe(false);
  });

  // chinese-days' own functions read dates in the process's time zone and slip a day west of UTC; where they are
  // right, they must agree with the table read here.
  const eastOfUtc = [0, 6].every((month) => new Date(2026, month, 1).getTimezoneOffset() <= 0);
  (eastOfUtc ? it : it.skip)('agrees with chinese-days isWorkday on every day covered', () => {
    const disagreements: string[] = [];
    const end = `${calendarCoverage.lastYear}-12-31`;
    for (let date = `${calendarCoverage.firstYear}-01-01`; date <= end; date = addCalendarDays(date, 1)) {
      if (isWorkingDay(date) !== isWorkday(date)) disagreements.push(date);
    }
    expect(disagreements).toEqual([]);
  });
});

describe('calendarCoverage and isCalendarKnown', () => {
  it('starts in 2004 and reaches at least 2026', () => {
    expect(calendarCoverage.firstYear).toBe(2004);
    expect(calendarCoverage.lastYear).toBeGreaterThanOrEqual(2026);
  });

  it.each([
    ['2003-12-31', false],
    ['2004-01-01', true],
    ['2026-12-31', true],
    ['2099-01-01', false],
  ])('%s → %s', (date, known) => {
    expect(isCalendarKnown(date)).toBe(known);
  });
});

describe('previousWorkingDayOnOrBefore', () => {
  it.each([
    ['2026-06-15', '2026-06-15', 'a working Monday stays'],
    ['2026-06-14', '2026-06-12', 'Sunday → Friday'],
    // Mon 5 Oct back through the holiday 4, 3, 2, 1 Oct to Wed 30 Sep
    ['2026-10-05', '2026-09-30', 'National Day holiday → the last working day before it'],
    ['2026-10-10', '2026-10-10', 'a Saturday worked (调休) stays'],
    ['2026-10-11', '2026-10-10', 'Sunday → the Saturday worked before it'],
    // Sun 22 Feb back through the holiday 21 … 15 Feb to Sat 14 Feb, worked
    ['2026-02-22', '2026-02-14', 'Spring Festival → the Saturday worked before it'],
    ['2026-01-01', '2025-12-31', 'New Year → the previous year'],
    ['2026-05-03', '2026-04-30', 'Labour Day holiday → the Thursday before it'],
  ])('%s → %s (%s)', (date, workingDay) => {
    expect(previousWorkingDayOnOrBefore(date)).toBe(workingDay);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-06-15', 0, '2026-06-15', 'none: the date itself'],
    ['2026-10-03', 0, '2026-10-03', 'none, from a holiday: still the date itself'],
    ['2026-06-12', 1, '2026-06-15', 'Friday + 1 → Monday'],
    ['2026-02-13', 1, '2026-02-14', 'Friday + 1 → the Saturday worked'],
    ['2026-09-30', 1, '2026-10-08', 'over the National Day holiday'],
    // deposit due 20 working days after a permit on Mon 21 Sep: 22, 23, 24 Sep (3); 25–27 Mid-Autumn;
    // 28, 29, 30 Sep (6); 1–7 Oct National Day; 8, 9, 10 (Sat, worked) Oct (9); 12–16 Oct (14);
    // 19–23 Oct (19); 26 Oct (20)
    ['2026-09-21', 20, '2026-10-26', 'the deposit deadline'],
    // top-up due 10 working days after a drawdown on Thu 30 Apr: 1–5 May Labour Day; 6, 7, 8, 9 (Sat, worked)
    // May (4); 11–15 May (9); 18 May (10)
    ['2026-04-30', 10, '2026-05-18', 'the deposit top-up deadline'],
  ])('%s + %i working days → %s (%s)', (date, count, result) => {
    expect(addWorkingDays(date, count)).toBe(result);
  });

  it.each([[-1], [1.5]])('refuses %d working days', (count) => {
    expect(() => addWorkingDays('2026-06-15', count)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('an entered calendar (PUT /api/v1/calendar/{year})', () => {
  afterEach(() => clearEnteredCalendars());

  it('overrides the Monday–Friday guess of a year the package lacks, and moves a deadline', () => {
    // January 2027 wages, payday 15: Mon 15 Feb 2027. Unknown year: Mon–Fri, so due that day, + 2 = 17 Feb.
    expect(wageDeadline('2027-01', { payday: 15, graceDays: 2 })).toMatchObject({
      dueDate: '2027-02-15',
      deadline: '2027-02-17',
      calendarKnown: false,
    });
    // Declared: 11–17 Feb off (Spring Festival), Sun 7 Feb worked → due Wed 10 Feb, + 2 = Fri 12 Feb.
    const days = [
      '2027-02-11',
      '2027-02-12',
      '2027-02-13',
      '2027-02-14',
      '2027-02-15',
      '2027-02-16',
      '2027-02-17',
    ];
    installYearCalendar(2027, { holidays: days, workingDays: ['2027-02-07'] });
    expect(isYearCalendarKnown(2027)).toBe(true);
    expect(isWorkingDay('2027-02-07')).toBe(true);
    expect(wageDeadline('2027-01', { payday: 15, graceDays: 2 })).toMatchObject({
      dueDate: '2027-02-10',
      deadline: '2027-02-12',
      calendarKnown: true,
    });
  });

  it.each([
    [2027, { holidays: ['2026-12-31'], workingDays: [] }, /"2026-12-31" is not a date YYYY-MM-DD of 2027/],
    [2027, { holidays: ['2027-02-30'], workingDays: [] }, /"2027-02-30"/],
    [2027, { holidays: ['2027-01-01', '2027-01-01'], workingDays: [] }, /listed twice/],
    [2027, { holidays: ['2027-01-01'], workingDays: ['2027-01-01'] }, /both a holiday and a working day/],
    [1999, { holidays: [], workingDays: [] }, /2000–2100/],
  ])('refuses an unsound calendar of %i', (year, calendar, problem) => {
    expect(yearCalendarProblem(year, calendar)).toMatch(problem);
    expect(() => installYearCalendar(year, calendar)).toThrow(problem);
  });
});
