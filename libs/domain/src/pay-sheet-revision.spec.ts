import { judgePaySheetResubmission, type PaySheetLineAmounts } from './pay-sheet-revision';

// September 2026, payday 15: due Thu 15 Oct (a working day), + 2 grace days = Sat 17 Oct, so a sheet is on time
// up to 23:59:59.999 on 17 Oct in Shanghai (15:59:59.999 UTC) and late from 00:00 on 18 Oct (16:00 UTC on 17 Oct).
const MONTH = '2026-09';
const PAYDAY = 15;
const BEFORE = new Date('2026-10-17T15:59:59.999Z');
const AFTER = new Date('2026-10-17T16:00:00.000Z');

const line = (workerId: string, netYuan: number, grossYuan = netYuan): PaySheetLineAmounts => ({
  workerId,
  grossPayFen: grossYuan * 100,
  netPayFen: netYuan * 100,
});
// In force: A 5,000.00 and B 6,000.00 yuan net.
const IN_FORCE = [line('A', 5000, 5200), line('B', 6000)];

describe('judgePaySheetResubmission', () => {
  it.each<[string, Date, PaySheetLineAmounts[] | null, PaySheetLineAmounts[], boolean, unknown[]]>([
    ['the first sheet, late', AFTER, null, [line('A', 0)], false, []],
    ['lower one line, before the deadline', BEFORE, IN_FORCE, [line('A', 4000), line('B', 6000)], false, []],
    ['drop a worker, before the deadline', BEFORE, IN_FORCE, [line('A', 5000)], false, []],
    [
      'an equal resend after the deadline',
      AFTER,
      IN_FORCE,
      [line('A', 5000, 5200), line('B', 6000)],
      false,
      [],
    ],
    // A raised by 500.00, a worker C added: nothing lowered
    [
      'raise and add after the deadline',
      AFTER,
      IN_FORCE,
      [line('A', 5500), line('B', 6000), line('C', 1)],
      false,
      [],
    ],
    // Only the gross changed (5,200 → 9,000); net pay is what the rules check
    [
      'change only the gross after the deadline',
      AFTER,
      IN_FORCE,
      [line('A', 5000, 9000), line('B', 6000)],
      false,
      [],
    ],
    // A 5,000.00 → 4,999.99: one fen less is lower
    [
      'lower one line by a fen after the deadline',
      AFTER,
      IN_FORCE,
      [{ workerId: 'A', grossPayFen: 520_000, netPayFen: 499_999 }, line('B', 6000)],
      true,
      [{ workerId: 'A', originalNetPayFen: 500_000, revisedNetPayFen: 499_999 }],
    ],
    [
      'drop a worker after the deadline',
      AFTER,
      IN_FORCE,
      [line('A', 5000)],
      true,
      [{ workerId: 'B', originalNetPayFen: 600_000, revisedNetPayFen: null }],
    ],
    // The attack: every line at 0.00 net, and a raise elsewhere does not hide it
    [
      'net 0.00 for everyone after the deadline',
      AFTER,
      IN_FORCE,
      [line('A', 0, 5200), line('B', 0, 6000), line('C', 9000)],
      true,
      [
        { workerId: 'A', originalNetPayFen: 500_000, revisedNetPayFen: 0 },
        { workerId: 'B', originalNetPayFen: 600_000, revisedNetPayFen: 0 },
      ],
    ],
  ])('%s', (_scenario, submittedAt, inForce, proposed, isRevision, lowered) => {
    const verdict = judgePaySheetResubmission({
      month: MONTH,
      payday: PAYDAY,
      submittedAt,
      inForce,
      proposed,
    });
    expect(verdict).toMatchObject({ isRevision, lowered });
    expect(verdict.deadline).toMatchObject({ dueDate: '2026-10-15', deadline: '2026-10-17' });
  });

  // Sat 15 Aug 2026 → due Fri 14 Aug; + 2 = Sun 16 Aug: late from 00:00 on 17 Aug in Shanghai
  it('measures from the payday moved back to a working day, plus the national grace days', () => {
    const judge = (at: string) =>
      judgePaySheetResubmission({
        month: '2026-07',
        payday: 15,
        submittedAt: new Date(at),
        inForce: IN_FORCE,
        proposed: [line('A', 5000)],
      }).isRevision;
    expect(judge('2026-08-16T23:59:59+08:00')).toBe(false);
    expect(judge('2026-08-17T00:00:00+08:00')).toBe(true);
  });
});
