import { evaluateWorkerPayDisputed, type WorkerDispute } from './worker-pay-disputed';

const asOf = new Date('2026-10-20T00:00:00Z');
const dispute = (
  n: number,
  reason: WorkerDispute['reason'],
  answeredAt = '2026-10-19T08:00:00Z',
): WorkerDispute => ({
  idHash: String(n).repeat(64).slice(0, 64),
  idMasked: `350206********000${n}`,
  nameMasked: '王*',
  reason,
  answeredAt: new Date(answeredAt),
});
const parameters = { orangeDisputingWorkers: 3 };

describe('WORKER_PAY_DISPUTED', () => {
  it.each([
    ['no dispute', [], null],
    // One worker: YELLOW.
    ['one worker not paid', [dispute(1, 'NOT_RECEIVED')], 'YELLOW'],
    // 2 < 3 workers: still YELLOW.
    ['two workers', [dispute(1, 'NOT_RECEIVED'), dispute(2, 'AMOUNT_WRONG')], 'YELLOW'],
    // 3 ≥ 3 workers of the project: ORANGE.
    [
      'three workers',
      [dispute(1, 'NOT_RECEIVED'), dispute(2, 'AMOUNT_WRONG'), dispute(3, 'CARD_NOT_MINE')],
      'ORANGE',
    ],
    // A dispute entered after the instant evaluated does not count yet.
    ['a dispute after asOf', [dispute(1, 'NOT_RECEIVED', '2026-10-21T00:00:00Z')], null],
  ])('%s → %s', (_case, disputes, severity) => {
    const found = evaluateWorkerPayDisputed({ month: '2026-09', disputes, asOf, parameters });
    expect(found?.severity ?? null).toBe(severity);
  });

  it('names the reasons, counts card control apart, and shows the workers masked', () => {
    const found = evaluateWorkerPayDisputed({
      month: '2026-09',
      disputes: [dispute(1, 'NOT_RECEIVED'), dispute(2, 'CARD_NOT_MINE')],
      asOf,
      parameters,
    })!;
    expect(found.title).toBe('2026年9月 2名工人对工资有异议（未收到1人、工资卡不在本人手中1人）');
    expect(found.evidence.workersAffected).toBe(2);
    expect(found.evidence.workers).toEqual([
      expect.objectContaining({ idMasked: '350206********0001', name: '王*' }),
      expect.objectContaining({ idMasked: '350206********0002', name: '王*' }),
    ]);
    expect(found.evidence.facts).toMatchObject({ notReceived: 1, cardNotMine: 1, amountWrong: 0 });
  });
});
