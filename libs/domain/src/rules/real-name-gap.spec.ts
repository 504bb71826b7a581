import { parseInstant } from '../month';
import { defaultParameters } from './parameters';
import { evaluateRealNameGap } from './real-name-gap';

describe('evaluateRealNameGap', () => {
  const parameters = defaultParameters().REAL_NAME_GAP;
  // September 2026, payday 15 → deadline Sat 17 Oct
  it.each<[string, number, string | null, string, string | null]>([
    ['roster and attendance', 20, '2026-10-05T10:00:00+08:00', '2026-10-18T00:00:00+08:00', null],
    ['no attendance, before the deadline ends', 20, null, '2026-10-17T23:59:59+08:00', null],
    ['no attendance by the deadline', 20, null, '2026-10-18T00:00:00+08:00', '未报送考勤'],
    ['no roster', 0, '2026-10-05T10:00:00+08:00', '2026-10-18T00:00:00+08:00', '无实名册'],
    [
      'attendance reported late, not yet',
      20,
      '2026-10-19T10:00:00+08:00',
      '2026-10-18T00:00:00+08:00',
      '未报送考勤',
    ],
    ['attendance reported late, arrived', 20, '2026-10-19T10:00:00+08:00', '2026-10-19T11:00:00+08:00', null],
  ])('%s', (_scenario, rosterSize, reportedAt, asOf, expected) => {
    const result = evaluateRealNameGap({
      month: '2026-09',
      payday: 15,
      rosterSize,
      attendanceReportedAt: reportedAt === null ? null : parseInstant(reportedAt),
      asOf: parseInstant(asOf),
      parameters,
    });
    expect(result === null ? null : result.title.split('：')[1]).toBe(expected);
    if (result) expect(result.severity).toBe('YELLOW');
  });
});
