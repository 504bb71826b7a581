import type { AddressInfo } from 'node:net';
import { startSmsCatcher, type SmsCatcher, type TestApp } from '@wage/testing';
import {
  bearer,
  registerProject,
  startRosterService,
  worker,
} from '../../roster-service/src/testing/roster-test-kit';
import type { DistrictPlan } from './plan';
import { simulateWorkerAnswers } from './worker-answers';

const SECRET = 'the-sms-secret-of-the-simulator-test';
const PROJECT = 'XM-SIM-WORKERS';

describe("the simulator's workers on their own channel (real roster-service, SMS catcher, PostgreSQL, Redis)", () => {
  let service: TestApp;
  let catcher: SmsCatcher;
  const workers = [1, 2, 3, 4].map((n) => worker(40 + n));

  beforeAll(async () => {
    catcher = await startSmsCatcher(SECRET);
    service = await startRosterService({ SMS_PROVIDER_URL: catcher.providerUrl, SMS_API_SECRET: SECRET });
    const key = await registerProject(service, PROJECT);
    expect(
      (await service.http.put(`/api/v1/projects/${PROJECT}/workers`).set(bearer(key)).send({ workers }))
        .status,
    ).toBe(200);
    const records = workers.map((w) => ({ idNumber: w.idNumber, daysWorked: 22 }));
    expect(
      (
        await service.http
          .post(`/api/v1/projects/${PROJECT}/attendance`)
          .set(bearer(key))
          .send({ month: '2026-09', records })
      ).status,
    ).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await service?.close();
    await catcher?.stop();
  });

  it('signs each in with the code from the SMS catcher; one in three disputes, the others confirm', async () => {
    const server = service.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const plan = {
      projects: [
        {
          code: PROJECT,
          injections: [],
          workers,
          attendance: [
            { month: '2026-09', records: workers.map((w) => ({ idNumber: w.idNumber, daysWorked: 22 })) },
          ],
        },
      ],
    } as unknown as DistrictPlan;
    const lines: string[] = [];
    const result = await simulateWorkerAnswers({
      gateway: `http://127.0.0.1:${port}`,
      smsCatcher: catcher.origin,
      plan,
      log: (line) => lines.push(line),
    });
    expect(result).toEqual({ confirmed: 3, disputed: 1, projectCode: PROJECT });
    expect(lines).toEqual([
      `workers' channel: 3 workers of ${PROJECT} confirmed their month, 1 disputed it (not received)`,
    ]);
    const stored = await service.dataSource.query(
      `SELECT result, count(*)::int AS n FROM roster.worker_confirmations GROUP BY result ORDER BY result`,
    );
    expect(stored).toEqual([
      { result: 'CONFIRMED', n: 3 },
      { result: 'DISPUTED', n: 1 },
    ]);
  });
});
