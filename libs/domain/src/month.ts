import { DomainError } from './errors';

/** A month worked, 'YYYY-MM', in Asia/Shanghai time. */
export type Month = string;
/** A calendar date, 'YYYY-MM-DD', in Asia/Shanghai time. ISO strings of this shape sort chronologically. */
export type IsoDate = string;

// Four-digit years from 1000 only: Date.UTC reads years 0–99 as 1900–1999.
const MONTH_PATTERN = /^[1-9]\d{3}-(0[1-9]|1[0-2])$/;
const DATE_PATTERN = /^([1-9]\d{3}-(?:0[1-9]|1[0-2]))-(0[1-9]|[12]\d|3[01])$/;
// RFC 3339 date-time: seconds required, fraction optional, and always 'Z' or a ±HH:MM offset.
const INSTANT_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:Z|([+-])(\d{2}):(\d{2}))$/;

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
// China has kept UTC+8 all year since 1991 (no daylight saving), so Shanghai time is a fixed offset.
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

export function isMonth(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

export function parseMonth(value: string): Month {
  if (!isMonth(value)) {
    throw new DomainError('INVALID_MONTH', `"${value}" is not a month; write it as YYYY-MM, e.g. "2026-09".`);
  }
  return value;
}

export function isIsoDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  return match !== null && Number(match[2]) <= daysInMonth(match[1]);
}

export function parseIsoDate(value: string): IsoDate {
  if (!isIsoDate(value)) {
    throw new DomainError(
      'INVALID_DATE',
      `"${value}" is not a calendar date; write a real date as YYYY-MM-DD, e.g. "2026-09-30".`,
    );
  }
  return value;
}

export function daysInMonth(month: Month): number {
  const [year, monthNumber] = yearAndMonth(month);
  return new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
}

export function nextMonth(month: Month): Month {
  return addMonths(month, 1);
}

export function previousMonth(month: Month): Month {
  return addMonths(month, -1);
}

/** Every month from `from` to `to`, both included. */
export function monthRange(from: Month, to: Month): Month[] {
  if (parseMonth(from) > parseMonth(to)) {
    throw new DomainError('INVALID_RANGE', `The range starts at ${from}, after its end ${to}; swap them.`);
  }
  const months = [from];
  while (months[months.length - 1] !== to) months.push(nextMonth(months[months.length - 1]));
  return months;
}

export function firstDayOfMonth(month: Month): IsoDate {
  return `${parseMonth(month)}-01`;
}

export function lastDayOfMonth(month: Month): IsoDate {
  return `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
}

export function monthOfDate(date: IsoDate): Month {
  return parseIsoDate(date).slice(0, 7);
}

/** The month in Shanghai at that instant: 2026-09-30T16:30:00Z is already October there. */
export function monthOf(instant: Date): Month {
  return dateInShanghai(instant).slice(0, 7);
}

export function dateInShanghai(instant: Date): IsoDate {
  return new Date(validTime(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00:00.000 in Shanghai on that date. */
export function startOfDayShanghai(date: IsoDate): Date {
  return new Date(utcMidnight(date) - SHANGHAI_OFFSET_MS);
}

/** 23:59:59.999 in Shanghai on that date: the last instant that still counts as "by" the date. */
export function endOfDayShanghai(date: IsoDate): Date {
  return new Date(utcMidnight(date) + DAY_MS - 1 - SHANGHAI_OFFSET_MS);
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isSafeInteger(days)) {
    throw new DomainError('INVALID_ARGUMENT', `Days to add must be a whole number, not ${days}.`);
  }
  return new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`: positive when `to` is later, 0 on the same date. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return (utcMidnight(to) - utcMidnight(from)) / DAY_MS;
}

/** For `sort`: negative when `a` is the earlier date. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(daysBetween(b, a));
}

/**
 * An RFC 3339 instant such as '2026-09-30T16:30:00Z' or '2026-10-01T00:30:00.123+08:00'. A time without an
 * offset is refused, since it would silently take the server's zone, and so is an offset no zone has (beyond
 * −12:00…+14:00); digits beyond milliseconds are dropped.
 */
export function parseInstant(value: string): Date {
  const match = INSTANT_PATTERN.exec(value);
  if (match) {
    const [, date, hour, minute, second, fraction = '', sign, offsetHour = '0', offsetMinute = '0'] = match;
    const [h, m, s, oh, om] = [hour, minute, second, offsetHour, offsetMinute].map(Number);
    const offsetMinutes = (oh * 60 + om) * (sign === '-' ? -1 : 1);
    // Zones in use run from −12:00 (Baker Island) to +14:00 (Line Islands): anything beyond is a typing error.
    const realOffset = offsetMinutes >= -12 * 60 && offsetMinutes <= 14 * 60 && om <= 59;
    if (isIsoDate(date) && h <= 23 && m <= 59 && s <= 59 && realOffset) {
      const milliseconds = Number(fraction.padEnd(3, '0').slice(0, 3));
      return new Date(utcMidnight(date) + ((h * 60 + m - offsetMinutes) * 60 + s) * 1000 + milliseconds);
    }
  }
  throw new DomainError(
    'INVALID_INSTANT',
    `"${value}" is not an instant; write a real date and time with its offset, e.g. "2026-10-01T08:30:00+08:00".`,
  );
}

function yearAndMonth(month: Month): [number, number] {
  parseMonth(month);
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
}

function addMonths(month: Month, count: number): Month {
  const [year, monthNumber] = yearAndMonth(month);
  const index = year * 12 + monthNumber - 1 + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function utcMidnight(date: IsoDate): number {
  return Date.parse(`${parseIsoDate(date)}T00:00:00Z`);
}

function validTime(instant: Date): number {
  const time = instant.getTime();
  if (Number.isNaN(time)) {
    throw new DomainError('INVALID_INSTANT', 'The instant is an invalid Date; pass a real point in time.');
  }
  return time;
}
