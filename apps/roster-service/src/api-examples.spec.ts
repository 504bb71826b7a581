import { validateIdentityNumber } from '@wage/domain';
import { EXAMPLE_WORKER_IDS, attendanceExample, paySheetExample, upsertWorkersExample } from './api-examples';
import { checkWorkerRows } from './workers/check-worker-rows';

// The OpenAPI examples go beyond their zod schemas: the roll's domain checks accept them too, so a reader who
// sends them as they are gets them stored, not a 422.
describe('the API examples of roster-service', () => {
  it('are workers the roll accepts, with valid identity numbers of district 350206', () => {
    expect(checkWorkerRows(upsertWorkersExample.workers, '2026-11-01').errors).toEqual([]);
    for (const id of EXAMPLE_WORKER_IDS) {
      expect(validateIdentityNumber(id, '2026-11-01')).toMatchObject({ ok: true });
      expect(id.startsWith('350206')).toBe(true);
    }
  });

  it('report attendance and pay for workers of the example roll', () => {
    const onRoll = upsertWorkersExample.workers.map((w) => w.idNumber);
    expect(attendanceExample.records.map((r) => r.idNumber)).toEqual(onRoll);
    expect(paySheetExample.lines.map((l) => l.idNumber)).toEqual(onRoll);
  });
});
