import type { TestApp } from '@wage/testing';
import { bearer, outboxCount, registerProject, startRosterService, worker } from '../testing/roster-test-kit';

const DEFAULT_CAP = 10_000;

describe('a full-size roll batch (real PostgreSQL)', () => {
  let service: TestApp;
  let projectKey: string;

  beforeAll(async () => {
    service = await startRosterService();
    projectKey = await registerProject(service, 'XM-BULK-1');
  });
  afterAll(() => service.close());

  const putWorkers = (workers: unknown[]) =>
    service.http.put('/api/v1/projects/XM-BULK-1/workers').set(bearer(projectKey)).send({ workers });

  it(`stores ${DEFAULT_CAP} workers in one request, with one event each, and refuses one more row (413)`, async () => {
    const roll = Array.from({ length: DEFAULT_CAP }, (_, i) => worker(i));
    // 16 columns × 10,000 rows would be 160,000 bind parameters as a multi-row VALUES; unnest needs 16.
    const response = await putWorkers(roll);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ accepted: DEFAULT_CAP, created: DEFAULT_CAP, updated: 0 });
    const [{ n }] = await service.dataSource.query(`SELECT count(*)::int AS n FROM roster.workers`);
    expect(n).toBe(DEFAULT_CAP);
    expect(await outboxCount(service, 'WorkerEnrolled')).toBe(DEFAULT_CAP);

    const again = await putWorkers(roll);
    expect(again.body).toEqual({ accepted: DEFAULT_CAP, created: 0, updated: DEFAULT_CAP });

    const tooMany = await putWorkers([...roll, worker(DEFAULT_CAP)]);
    expect(tooMany.status).toBe(413);
    expect(tooMany.body).toMatchObject({
      error: 'BATCH_TOO_LARGE',
      message: expect.stringContaining('10000 rows'),
    });
  });
});
