import { evaluatePaySheetMissing } from './pay-sheet-missing';
import { defaultParameters } from './parameters';
import { at, worker } from './wage-month.fixtures';

const parameters = defaultParameters().PAY_SHEET_MISSING;
// September 2026, payday 15 → deadline Sat 17 Oct
const september = { month: '2026-09', payday: 15, parameters };

describe('evaluatePaySheetMissing', () => {
  it.each<[string, number[], string | null, string, string | null]>([
    ['attendance, no sheet, after the deadline', [22, 10], null, '2026-10-18T00:00:00+08:00', 'YELLOW'],
    ['on the deadline’s last instant', [22], null, '2026-10-17T23:59:59.999+08:00', null],
    ['no one worked', [0, 0], null, '2026-10-18T00:00:00+08:00', null],
    [
      'a sheet submitted by the deadline',
      [22],
      '2026-10-10T09:00:00+08:00',
      '2026-10-18T00:00:00+08:00',
      null,
    ],
    // Submitted late (20 Oct): the alert stands until then, then clears
    [
      'a late sheet, not yet arrived',
      [22],
      '2026-10-20T09:00:00+08:00',
      '2026-10-19T00:00:00+08:00',
      'YELLOW',
    ],
    ['a late sheet, arrived', [22], '2026-10-20T09:00:00+08:00', '2026-10-21T00:00:00+08:00', null],
  ])('%s', (_scenario, days, submittedAt, asOf, expected) => {
    const result = evaluatePaySheetMissing({
      ...september,
      asOf: at(asOf),
      paySheetSubmittedAt: submittedAt === null ? null : at(submittedAt),
      workersWithAttendance: days.map((d, i) => worker(i + 1, { days: d })),
    });
    expect(result?.severity ?? null).toBe(expected);
  });

  it('lists the workers with attendance', () => {
    const result = evaluatePaySheetMissing({
      ...september,
      asOf: at('2026-10-18T00:00:00+08:00'),
      paySheetSubmittedAt: null,
      workersWithAttendance: [worker(1, { days: 22 }), worker(2, { days: 0 }), worker(3, { days: 5 })],
    });
    expect(result?.title).toBe('2026年9月 未编制工资支付表：2名工人有考勤');
    expect(result?.evidence.workers.map((w) => w.idHash)).toEqual(['id-hash-1', 'id-hash-3']);
    // 22 + 5 days
    expect(result?.evidence.facts).toMatchObject({ deadline: '2026-10-17', daysOverdue: 1, daysWorked: 27 });
  });
});
