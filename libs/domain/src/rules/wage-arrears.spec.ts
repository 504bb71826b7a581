import { defaultParameters } from './parameters';
import { evaluateWageArrears, type WageArrearsInput } from './wage-arrears';
import type { WorkerMonth } from './wage-month';
import { at, worker, workers } from './wage-month.fixtures';

const parameters = defaultParameters().WAGE_ARREARS;
const paid = { paidFen: 600_000 };
const unpaid = { paidFen: 0 };

// September 2026, payday 15: Thu 15 Oct is a working day; + 2 grace days = Sat 17 Oct, last instant
// 2026-10-17T23:59:59.999+08:00. Days overdue count Shanghai dates after 17 Oct.
const september = { month: '2026-09', payday: 15 };

describe('evaluateWageArrears', () => {
  it.each<
    [string, Partial<WageArrearsInput>, WorkerMonth[], string, null | { severity: string; unpaid: number }]
  >([
    // ── the deadline ──
    [
      'on the deadline’s last instant: not yet',
      september,
      [worker(1, unpaid)],
      '2026-10-17T23:59:59.999+08:00',
      null,
    ],
    // 1 ms later it is 18 Oct: 1 day overdue, 1 of 1 unpaid = 100% > 10% → ORANGE
    [
      'one millisecond after the deadline',
      september,
      [worker(1, unpaid)],
      '2026-10-18T00:00:00+08:00',
      { severity: 'ORANGE', unpaid: 1 },
    ],
    // graceDays 0: the deadline is the payday itself (Thu 15 Oct)
    [
      'deadline exactly at payday (no grace days)',
      { ...september, parameters: { ...parameters, graceDays: 0 } },
      [worker(1, unpaid)],
      '2026-10-16T00:00:00+08:00',
      { severity: 'ORANGE', unpaid: 1 },
    ],
    [
      'no grace days, still on payday',
      { ...september, parameters: { ...parameters, graceDays: 0 } },
      [worker(1, unpaid)],
      '2026-10-15T23:59:59+08:00',
      null,
    ],
    // Payday 5 Oct is in the National Day holiday → due Wed 30 Sep, + 2 = Fri 2 Oct
    [
      'payday on a holiday moves the deadline back',
      { month: '2026-09', payday: 5 },
      [worker(1, unpaid)],
      '2026-10-03T00:00:00+08:00',
      { severity: 'ORANGE', unpaid: 1 },
    ],
    [
      'payday on a holiday: on time until 2 Oct ends',
      { month: '2026-09', payday: 5 },
      [worker(1, unpaid)],
      '2026-10-02T23:59:59+08:00',
      null,
    ],
    // Payday 18 Oct is a Sunday → due Fri 16 Oct, + 2 = Sun 18 Oct
    [
      'payday on a rest day',
      { month: '2026-09', payday: 18 },
      [worker(1, unpaid)],
      '2026-10-19T00:00:00+08:00',
      { severity: 'ORANGE', unpaid: 1 },
    ],

    // ── who counts ──
    ['everyone paid something', september, workers(3, paid), '2026-10-20T12:00:00+08:00', null],
    // 1 of 20 unpaid = 5% ≤ 10%, 2 days overdue ≤ 15 → YELLOW
    [
      'attendance and no sheet line, nothing received',
      september,
      [...workers(19, paid), worker(20, { netPayFen: null, paidFen: 0 })],
      '2026-10-19T12:00:00+08:00',
      { severity: 'YELLOW', unpaid: 1 },
    ],
    [
      'a sheet line without attendance counts',
      september,
      [...workers(19, paid), worker(20, { days: 0, netPayFen: 300_000, paidFen: 0 })],
      '2026-10-19T12:00:00+08:00',
      { severity: 'YELLOW', unpaid: 1 },
    ],
    [
      'neither attendance nor a sheet line',
      september,
      [...workers(19, paid), worker(20, { days: 0, netPayFen: null, paidFen: 0 })],
      '2026-10-19T12:00:00+08:00',
      null,
    ],
    [
      'a sheet line of zero net pay owes nothing',
      september,
      [...workers(19, paid), worker(20, { netPayFen: 0, paidFen: 0 })],
      '2026-10-19T12:00:00+08:00',
      null,
    ],
    [
      'paid 1 fen: underpaid, not arrears',
      september,
      [worker(1, { paidFen: 1 })],
      '2026-10-19T12:00:00+08:00',
      null,
    ],

    // ── severity: days overdue (1 of 20 workers unpaid = 5%, under the share threshold) ──
    // 2 Nov − 17 Oct = 16 days > 15 → ORANGE
    [
      '15 days overdue',
      september,
      [...workers(19, paid), worker(20, unpaid)],
      '2026-11-01T12:00:00+08:00',
      { severity: 'YELLOW', unpaid: 1 },
    ],
    [
      '16 days overdue',
      september,
      [...workers(19, paid), worker(20, unpaid)],
      '2026-11-02T12:00:00+08:00',
      { severity: 'ORANGE', unpaid: 1 },
    ],
    // 16 Nov − 17 Oct = 30, 17 Nov = 31 > 30 → RED
    [
      '30 days overdue',
      september,
      [...workers(19, paid), worker(20, unpaid)],
      '2026-11-16T12:00:00+08:00',
      { severity: 'ORANGE', unpaid: 1 },
    ],
    [
      '31 days overdue',
      september,
      [...workers(19, paid), worker(20, unpaid)],
      '2026-11-17T12:00:00+08:00',
      { severity: 'RED', unpaid: 1 },
    ],

    // ── severity: workers unpaid (2 days overdue) ──
    // 2 of 20 = 10%, not more than 10% → YELLOW
    [
      '10% of workers unpaid',
      september,
      [...workers(18, paid), ...workers(2, unpaid, 19)],
      '2026-10-19T12:00:00+08:00',
      { severity: 'YELLOW', unpaid: 2 },
    ],
    // 3 of 29 = 10.3% > 10% → ORANGE
    [
      'just over 10% unpaid',
      september,
      [...workers(26, paid), ...workers(3, unpaid, 27)],
      '2026-10-19T12:00:00+08:00',
      { severity: 'ORANGE', unpaid: 3 },
    ],
    // 9 of 100 = 9% → YELLOW; 10 of 100 → RED (≥ 10 workers)
    [
      '9 workers unpaid of 100',
      september,
      [...workers(91, paid), ...workers(9, unpaid, 92)],
      '2026-10-19T12:00:00+08:00',
      { severity: 'YELLOW', unpaid: 9 },
    ],
    [
      '10 workers unpaid of 100',
      september,
      [...workers(90, paid), ...workers(10, unpaid, 91)],
      '2026-10-19T12:00:00+08:00',
      { severity: 'RED', unpaid: 10 },
    ],
  ])('%s', (_scenario, context, monthWorkers, asOf, expected) => {
    const result = evaluateWageArrears({
      ...september,
      parameters,
      ...context,
      workers: monthWorkers,
      asOf: at(asOf),
    });
    expect(result && { severity: result.severity, unpaid: result.evidence.workersAffected }).toEqual(
      expected,
    );
  });

  it('clears when a late payment arrives', () => {
    const asOf = at('2026-10-20T12:00:00+08:00');
    const before = evaluateWageArrears({ ...september, parameters, asOf, workers: [worker(1, unpaid)] });
    const after = evaluateWageArrears({
      ...september,
      parameters,
      asOf,
      workers: [worker(1, { paidFen: 1 })],
    });
    expect(before).not.toBeNull();
    expect(after).toBeNull();
  });

  it('gives the evidence an inspector needs', () => {
    // Worker 2 is on the sheet (600,000 due), worker 3 worked without a sheet line; 3 days after 17 Oct
    const result = evaluateWageArrears({
      ...september,
      parameters,
      asOf: at('2026-10-20T09:00:00+08:00'),
      workers: [worker(1, paid), worker(2, unpaid), worker(3, { netPayFen: null, paidFen: 0 })],
    });
    expect(result).toEqual({
      code: 'WAGE_ARREARS',
      severity: 'ORANGE', // 2 of 3 unpaid > 10%
      month: '2026-09',
      title: '2026年9月 欠薪：2名工人未收到工资',
      ruleVersion: 1,
      evidence: {
        workersAffected: 2,
        workers: [
          {
            idHash: 'id-hash-2',
            idMasked: '350206********0002',
            name: '工人2',
            amountDueFen: 600_000,
            amountPaidFen: 0,
          },
          { idHash: 'id-hash-3', idMasked: '350206********0003', name: '工人3', amountPaidFen: 0 },
        ],
        amounts: { netPayDueFen: 600_000 },
        transactions: [],
        parameters,
        facts: {
          payday: '2026-10-15',
          dueDate: '2026-10-15',
          deadline: '2026-10-17',
          daysOverdue: 3,
          calendarKnown: true,
          workersDue: 3,
          workersUnpaid: 2,
          workersUnpaidWithoutPaySheet: 1,
        },
      },
    });
  });

  it('lists at most 1000 workers but counts them all', () => {
    const result = evaluateWageArrears({
      ...september,
      parameters,
      asOf: at('2026-10-20T09:00:00+08:00'),
      workers: workers(1001, unpaid),
    });
    expect(result?.evidence.workers).toHaveLength(1000);
    expect(result?.evidence.workersAffected).toBe(1001);
  });
});
