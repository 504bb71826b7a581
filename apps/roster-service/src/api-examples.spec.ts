import { validateIdentityNumber } from '@wage/domain';
import { EXAMPLE_WORKER_IDS, attendanceExample, paySheetExample, upsertWorkersExample } from './api-examples';
import { checkWorkerRows } from './workers/check-worker-rows';

// The OpenAPI examples go beyond their zod schemas: the roll's domain checks accept everything in them but the
// identity numbers, which are fictitious on purpose (a wrong check digit, so never a real person's number): a
// reader who sends them unchanged is told exactly that, on each identity number and nothing else.
describe('the API examples of roster-service', () => {
  it('are workers the roll accepts but for their fictitious identity numbers of district 350206', () => {
    const { errors } = checkWorkerRows(upsertWorkersExample.workers, '2026-11-01');
    expect(errors.map((e) => [e.index, e.field])).toEqual([
      [0, 'idNumber'],
      [1, 'idNumber'],
    ]);
    for (const id of EXAMPLE_WORKER_IDS) {
      expect(validateIdentityNumber(id, '2026-11-01')).toMatchObject({
        ok: false,
        message: expect.stringContaining('does not match the first 17'),
      });
      expect(id.startsWith('350206')).toBe(true);
    }
  });

  it('report attendance and pay for workers of the example roll', () => {
    const onRoll = upsertWorkersExample.workers.map((w) => w.idNumber);
    expect(attendanceExample.records.map((r) => r.idNumber)).toEqual(onRoll);
    expect(paySheetExample.lines.map((l) => l.idNumber)).toEqual(onRoll);
  });
});
