import { daysOverdue, type WageDeadline, wageDeadline } from './deadline';

// Wages for month M are due on the payday in M+1, moved back to a working day, plus graceDays calendar days.
// 2026 calendar: see working-days.spec.ts.
describe('wageDeadline', () => {
  it.each<[string, string, number, number, Omit<WageDeadline, 'deadlineInstant' | 'calendarKnown'>]>([
    // Mon 15 Jun is a working day; + 2 days = Wed 17 Jun
    [
      'payday on a working day',
      '2026-05',
      15,
      2,
      { payday: '2026-06-15', dueDate: '2026-06-15', deadline: '2026-06-17' },
    ],
    [
      'no grace days',
      '2026-05',
      15,
      0,
      { payday: '2026-06-15', dueDate: '2026-06-15', deadline: '2026-06-15' },
    ],
    // Sat 15 Aug → Fri 14 Aug; + 2 = Sun 16 Aug (grace days are calendar days)
    [
      'payday on a Saturday',
      '2026-07',
      15,
      2,
      { payday: '2026-08-15', dueDate: '2026-08-14', deadline: '2026-08-16' },
    ],
    // Mon 5 Oct is in the National Day holiday (1–7 Oct) → back over 4, 3, 2, 1 Oct to Wed 30 Sep; + 2 = 2 Oct
    [
      'payday in the National Day holiday',
      '2026-09',
      5,
      2,
      { payday: '2026-10-05', dueDate: '2026-09-30', deadline: '2026-10-02' },
    ],
    // Sat 10 Oct is worked (调休), so it stays; + 2 = Mon 12 Oct
    [
      'payday on a Saturday worked (调休)',
      '2026-09',
      10,
      2,
      { payday: '2026-10-10', dueDate: '2026-10-10', deadline: '2026-10-12' },
    ],
    // Fri 25 Sep is Mid-Autumn Festival → Thu 24 Sep
    [
      'payday on Mid-Autumn Festival',
      '2026-08',
      25,
      2,
      { payday: '2026-09-25', dueDate: '2026-09-24', deadline: '2026-09-26' },
    ],
    // Fri 20 Feb is in the Spring Festival holiday (15–23 Feb) → Sat 14 Feb, worked
    [
      'payday in the Spring Festival holiday',
      '2026-01',
      20,
      2,
      { payday: '2026-02-20', dueDate: '2026-02-14', deadline: '2026-02-16' },
    ],
    // Fri 1 May (Labour Day, 1–5 May) → Thu 30 Apr, back in the month worked
    [
      'payday 1 on Labour Day',
      '2026-04',
      1,
      2,
      { payday: '2026-05-01', dueDate: '2026-04-30', deadline: '2026-05-02' },
    ],
    // Thu 1 Jan 2026 (New Year) → Wed 31 Dec 2025; + 2 = 2 Jan 2026
    [
      'payday 1 on New Year',
      '2025-12',
      1,
      2,
      { payday: '2026-01-01', dueDate: '2025-12-31', deadline: '2026-01-02' },
    ],
    // November has 30 days, so payday 31 is Mon 30 Nov; + 2 days crosses the month end to 2 Dec
    [
      'payday 31 in a 30-day month, grace crossing the month end',
      '2026-10',
      31,
      2,
      { payday: '2026-11-30', dueDate: '2026-11-30', deadline: '2026-12-02' },
    ],
    // February 2026 has 28 days, so payday 30 is Sat 28 Feb, a Saturday worked; + 2 = 2 Mar
    [
      'payday 30 in February, on a Saturday worked',
      '2026-01',
      30,
      2,
      { payday: '2026-02-28', dueDate: '2026-02-28', deadline: '2026-03-02' },
    ],
    // February 2024 has 29 days, so payday 31 is Thu 29 Feb
    [
      'payday 31 in a leap-year February',
      '2024-01',
      31,
      2,
      { payday: '2024-02-29', dueDate: '2024-02-29', deadline: '2024-03-02' },
    ],
    // Thu 31 Dec 2026; + 2 days crosses the year end
    [
      'grace crossing the year end',
      '2026-11',
      31,
      2,
      { payday: '2026-12-31', dueDate: '2026-12-31', deadline: '2027-01-02' },
    ],
  ])('%s: month %s, payday %i, %i grace days', (_scenario, month, payday, graceDays, expected) => {
    expect(wageDeadline(month, { payday, graceDays })).toMatchObject({ ...expected, calendarKnown: true });
  });

  it('ends the deadline at 23:59:59.999 in Shanghai, 15:59:59.999 UTC', () => {
    expect(wageDeadline('2026-09', { payday: 5, graceDays: 2 }).deadlineInstant.toISOString()).toBe(
      '2026-10-02T15:59:59.999Z',
    );
  });

  it('says when the calendar of the payday was not known, and falls back to Monday to Friday', () => {
    // 2099 has no official calendar: Thu 1 Jan counts as a working day, though New Year will be a holiday
    expect(wageDeadline('2098-12', { payday: 1, graceDays: 2 })).toEqual({
      payday: '2099-01-01',
      dueDate: '2099-01-01',
      deadline: '2099-01-03',
      deadlineInstant: new Date('2099-01-03T15:59:59.999Z'),
      calendarKnown: false,
    });
  });

  it.each([
    ['payday 0', '2026-09', 0, 2, 'payday'],
    ['payday 32', '2026-09', 32, 2, 'payday'],
    ['a fractional payday', '2026-09', 1.5, 2, 'payday'],
    ['negative grace days', '2026-09', 15, -1, 'graceDays'],
    ['fractional grace days', '2026-09', 15, 0.5, 'graceDays'],
  ])('refuses %s', (_scenario, month, payday, graceDays, field) => {
    expect(() => wageDeadline(month, { payday, graceDays })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', field }),
    );
  });

  it('refuses an invalid month', () => {
    expect(() => wageDeadline('2026-13', { payday: 15, graceDays: 2 })).toThrow(
      expect.objectContaining({ code: 'INVALID_MONTH' }),
    );
  });
});

describe('daysOverdue', () => {
  // Deadline 2 Oct 2026: it ends at 2026-10-02T23:59:59.999+08:00 = 2026-10-02T15:59:59.999Z.
  it.each([
    ['well before the deadline', '2026-09-30T00:00:00Z', 0],
    ['on the deadline day, in the morning', '2026-10-02T01:00:00Z', 0],
    ['at the last instant of the deadline', '2026-10-02T15:59:59.999Z', 0],
    // 16:00 UTC is 00:00 on 3 Oct in Shanghai: 3 − 2 = 1
    ['at the first instant after it', '2026-10-02T16:00:00Z', 1],
    // 18 Oct 00:00 in Shanghai: 18 − 2 = 16, past the 15-day ORANGE threshold
    ['16 days after', '2026-10-17T16:00:00Z', 16],
    // 1 Nov 12:00 in Shanghai: 29 days left in October (31 − 2) + 1 = 30
    ['30 days after', '2026-11-01T04:00:00Z', 30],
  ])('%s (%s) → %i', (_scenario, asOf, days) => {
    expect(daysOverdue('2026-10-02', new Date(asOf))).toBe(days);
  });
});
