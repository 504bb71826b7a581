import { isPaymentPending, latestDueMonth, paymentMetricsPendingUntil } from './coverage';

// Every project's wages for M are due by the last day of M+1 (a payday of 31), moved back to a working day,
// plus the national 2 grace days. 2026 calendar: see working-days.spec.ts.
describe('paymentMetricsPendingUntil', () => {
  it.each([
    ['2026-10', '2026-12-02'], // Mon 30 Nov is a working day; + 2 = Wed 2 Dec
    ['2026-09', '2026-11-01'], // Sat 31 Oct → Fri 30 Oct; + 2 = Sun 1 Nov
    ['2026-01', '2026-03-02'], // Sat 28 Feb is a working day (调休 after the Spring Festival); + 2 = Mon 2 Mar
    ['2026-11', '2027-01-02'], // Thu 31 Dec; + 2 = Sat 2 Jan 2027
  ])('%s: pending until %s', (month, until) => {
    expect(paymentMetricsPendingUntil(month)).toBe(until);
  });
});

describe('isPaymentPending and latestDueMonth', () => {
  it.each([
    // asOf (UTC), month, pending — Shanghai is UTC+8
    ['2026-12-02T15:59:59Z', '2026-10', true], // 23:59:59 on 2 Dec in Shanghai: the deadline's last second
    ['2026-12-02T16:00:00Z', '2026-10', false], // 00:00 on 3 Dec in Shanghai
    ['2026-12-02T16:00:00Z', '2026-11', true],
    ['2026-12-02T16:00:00Z', '2026-12', true], // the month being worked
  ])('at %s, %s pending: %s', (asOf, month, pending) => {
    expect(isPaymentPending(month, new Date(asOf))).toBe(pending);
  });

  it.each([
    ['2026-12-02T01:00:00Z', '2026-09'], // October's deadline is today
    ['2026-12-03T01:00:00Z', '2026-10'],
    ['2027-01-03T01:00:00Z', '2026-11'],
  ])('at %s the latest month due is %s', (asOf, month) => {
    expect(latestDueMonth(new Date(asOf))).toBe(month);
  });
});
