import {
  addCalendarDays,
  compareDates,
  dateInShanghai,
  daysBetween,
  daysInMonth,
  endOfDayShanghai,
  firstDayOfMonth,
  isIsoDate,
  lastDayOfMonth,
  monthOf,
  monthOfDate,
  monthRange,
  nextMonth,
  parseInstant,
  parseIsoDate,
  parseMonth,
  previousMonth,
  startOfDayShanghai,
} from './month';

describe('parseMonth', () => {
  it.each([['2026-01'], ['2026-09'], ['2026-12'], ['1999-12']])('accepts %s', (value) => {
    expect(parseMonth(value)).toBe(value);
  });

  it.each([
    ['2026-13'],
    ['2026-00'],
    ['2026-1'],
    ['26-01'],
    ['2026/01'],
    ['2026-01-01'],
    [' 2026-01'],
    ['0999-01'],
    [''],
  ])('refuses %j', (value) => {
    expect(() => parseMonth(value)).toThrow(
      expect.objectContaining({ code: 'INVALID_MONTH', message: expect.stringContaining('YYYY-MM') }),
    );
  });
});

describe('isIsoDate and parseIsoDate', () => {
  it.each([
    ['2026-09-30', true],
    ['2024-02-29', true], // 2024 is divisible by 4
    ['2000-02-29', true], // 2000 is divisible by 400
    ['2026-02-29', false],
    ['1900-02-29', false], // 1900 is divisible by 100, not 400
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-9-30', false],
    ['2026-09-30T00:00:00Z', false],
    ['20260930', false],
  ])('%s → %s', (value, valid) => {
    expect(isIsoDate(value)).toBe(valid);
    if (!valid) expect(() => parseIsoDate(value)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});

describe('daysInMonth, firstDayOfMonth and lastDayOfMonth', () => {
  it.each([
    ['2026-01', 31, '2026-01-31'],
    ['2026-02', 28, '2026-02-28'],
    ['2024-02', 29, '2024-02-29'],
    ['2100-02', 28, '2100-02-28'], // divisible by 100, not 400: no leap year
    ['2026-04', 30, '2026-04-30'],
    ['2026-12', 31, '2026-12-31'],
  ])('%s has %i days, the last %s', (month, days, lastDay) => {
    expect(daysInMonth(month)).toBe(days);
    expect(firstDayOfMonth(month)).toBe(`${month}-01`);
    expect(lastDayOfMonth(month)).toBe(lastDay);
  });
});

describe('nextMonth and previousMonth', () => {
  it.each([
    ['2026-09', '2026-10', '2026-08'],
    ['2026-12', '2027-01', '2026-11'],
    ['2026-01', '2026-02', '2025-12'],
  ])('%s: next %s, previous %s', (month, next, previous) => {
    expect(nextMonth(month)).toBe(next);
    expect(previousMonth(month)).toBe(previous);
  });

  it('refuses an invalid month', () => {
    expect(() => nextMonth('2026-13')).toThrow(expect.objectContaining({ code: 'INVALID_MONTH' }));
  });
});

describe('monthRange', () => {
  it.each([
    ['2026-09', '2026-09', ['2026-09']],
    ['2026-11', '2027-02', ['2026-11', '2026-12', '2027-01', '2027-02']],
  ])('%s to %s → %j', (from, to, months) => {
    expect(monthRange(from, to)).toEqual(months);
  });

  it.each([
    ['the start after the end', '2026-10', '2026-09', 'INVALID_RANGE'],
    ['an invalid month', '2026-1', '2026-09', 'INVALID_MONTH'],
  ])('refuses %s', (_scenario, from, to, code) => {
    expect(() => monthRange(from, to)).toThrow(expect.objectContaining({ code }));
  });
});

describe('monthOf, monthOfDate and dateInShanghai', () => {
  // Shanghai is UTC+8 all year.
  it.each([
    // 16:30 UTC + 8 h = 00:30 the next day in Shanghai
    ['2026-09-30T16:30:00Z', '2026-10-01', '2026-10'],
    // 15:59:59.999 UTC + 8 h = 23:59:59.999 the same day
    ['2026-09-30T15:59:59.999Z', '2026-09-30', '2026-09'],
    ['2026-12-31T16:00:00Z', '2027-01-01', '2027-01'],
    ['2026-03-01T07:00:00+08:00', '2026-03-01', '2026-03'],
  ])('%s is %s in Shanghai, month %s', (instant, date, month) => {
    expect(dateInShanghai(new Date(instant))).toBe(date);
    expect(monthOf(new Date(instant))).toBe(month);
    expect(monthOfDate(date)).toBe(month);
  });

  it('refuses an invalid Date', () => {
    expect(() => monthOf(new Date('not a date'))).toThrow(
      expect.objectContaining({ code: 'INVALID_INSTANT' }),
    );
  });
});

describe('startOfDayShanghai and endOfDayShanghai', () => {
  it.each([
    // 00:00 +08:00 is 16:00 UTC the day before; 23:59:59.999 +08:00 is 15:59:59.999 UTC the same day
    ['2026-10-01', '2026-09-30T16:00:00.000Z', '2026-10-01T15:59:59.999Z'],
    ['2027-01-01', '2026-12-31T16:00:00.000Z', '2027-01-01T15:59:59.999Z'],
    ['2024-02-29', '2024-02-28T16:00:00.000Z', '2024-02-29T15:59:59.999Z'],
  ])('%s runs from %s to %s', (date, start, end) => {
    expect(startOfDayShanghai(date).toISOString()).toBe(start);
    expect(endOfDayShanghai(date).toISOString()).toBe(end);
    expect(dateInShanghai(startOfDayShanghai(date))).toBe(date);
    expect(dateInShanghai(endOfDayShanghai(date))).toBe(date);
  });
});

describe('addCalendarDays, daysBetween and compareDates', () => {
  it.each([
    ['2026-09-30', 0, '2026-09-30'],
    ['2026-09-30', 2, '2026-10-02'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('%s + %i days = %s', (date, days, result) => {
    expect(addCalendarDays(date, days)).toBe(result);
    expect(daysBetween(date, result)).toBe(days);
    expect(daysBetween(result, date)).toBe(0 - days); // not -days: toBe tells -0 from 0
  });

  it.each([[1.5], [Number.NaN]])('refuses to add %d days', (days) => {
    expect(() => addCalendarDays('2026-09-30', days)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('refuses an impossible date', () => {
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  it.each([
    ['2026-09-30', '2026-10-01', -1],
    ['2026-10-01', '2026-09-30', 1],
    ['2026-10-01', '2026-10-01', 0],
    ['2025-12-31', '2026-01-01', -1],
  ])('compareDates(%s, %s) → %i', (a, b, sign) => {
    expect(compareDates(a, b)).toBe(sign);
  });

  it('sorts dates chronologically', () => {
    expect(['2026-10-01', '2025-12-31', '2026-09-30'].sort(compareDates)).toEqual([
      '2025-12-31',
      '2026-09-30',
      '2026-10-01',
    ]);
  });
});

describe('parseInstant', () => {
  it.each([
    ['2026-09-30T16:30:00Z', '2026-09-30T16:30:00.000Z'],
    // 00:30 at +08:00 is 8 h earlier in UTC
    ['2026-10-01T00:30:00+08:00', '2026-09-30T16:30:00.000Z'],
    // 20:00 at −05:00 is 5 h later in UTC
    ['2026-09-30T20:00:00-05:00', '2026-10-01T01:00:00.000Z'],
    ['2026-10-01T05:45:00+05:45', '2026-10-01T00:00:00.000Z'],
    // the extremes of the zones in use: Line Islands and Baker Island
    ['2026-10-01T14:00:00+14:00', '2026-10-01T00:00:00.000Z'],
    ['2026-09-30T12:00:00-12:00', '2026-10-01T00:00:00.000Z'],
    ['2026-10-01T00:00:00-00:00', '2026-10-01T00:00:00.000Z'],
    ['2026-10-01T00:00:00.1Z', '2026-10-01T00:00:00.100Z'],
    ['2026-10-01T00:00:00.123+08:00', '2026-09-30T16:00:00.123Z'],
    // digits beyond milliseconds are dropped, not rounded
    ['2026-10-01T00:00:00.123999Z', '2026-10-01T00:00:00.123Z'],
    ['2024-02-29T23:59:59Z', '2024-02-29T23:59:59.000Z'],
  ])('%s → %s', (value, iso) => {
    expect(parseInstant(value).toISOString()).toBe(iso);
  });

  it.each([
    ['no offset (a local time)', '2026-10-01T08:30:00'],
    ['a date only', '2026-10-01'],
    ['no seconds', '2026-10-01T08:30Z'],
    ['an offset without a colon', '2026-10-01T08:30:00+0800'],
    ['an offset no zone has (+15:00)', '2026-10-01T08:30:00+15:00'],
    ['an offset no zone has (−13:00)', '2026-10-01T08:30:00-13:00'],
    ['a space instead of T', '2026-10-01 08:30:00Z'],
    ['30 February', '2026-02-30T08:30:00Z'],
    ['29 February in a common year', '2026-02-29T08:30:00Z'],
    ['month 13', '2026-13-01T08:30:00Z'],
    ['hour 24', '2026-10-01T24:00:00Z'],
    ['minute 60', '2026-10-01T08:60:00Z'],
    ['a leap second', '2026-12-31T23:59:60Z'],
    ['an offset of 24 hours', '2026-10-01T08:30:00+24:00'],
    ['trailing text', '2026-10-01T08:30:00Zjunk'],
    ['an empty string', ''],
  ])('refuses %s', (_scenario, value) => {
    expect(() => parseInstant(value)).toThrow(
      expect.objectContaining({
        code: 'INVALID_INSTANT',
        message: expect.stringContaining('with its offset'),
      }),
    );
  });
});
