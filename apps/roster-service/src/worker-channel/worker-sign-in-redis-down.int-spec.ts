import { startDisposableRedis, type DisposableRedis, type TestApp } from '@wage/testing';
import { bearer, registerProject, startRosterService, worker } from '../testing/roster-test-kit';

describe("workers' sign-in while Redis is away (a disposable Redis, real PostgreSQL and Kafka)", () => {
  let service: TestApp;
  let redis: DisposableRedis;

  beforeAll(async () => {
    redis = await startDisposableRedis();
    service = await startRosterService({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await service.close();
    await redis.destroy();
  });

  it('answers 503 at once for sign-in, and keeps taking rolls and staying healthy', async () => {
    const key = await registerProject(service, 'XM-NOREDIS');
    await redis.stop();
    const asked = await service.http
      .post('/api/v1/worker/codes')
      .send({ idNumber: worker(1).idNumber, phone: worker(1).phone });
    expect(asked.status).toBe(503);
    expect(asked.body.error).toBe('SIGN_IN_UNAVAILABLE');
    expect(asked.headers['retry-after']).toBeDefined();

    const roll = await service.http
      .put('/api/v1/projects/XM-NOREDIS/workers')
      .set(bearer(key))
      .send({ workers: [worker(1)] });
    expect(roll.status).toBe(200);
    expect((await service.http.get('/health')).status).toBe(200);

    await redis.start();
    const again = async () =>
      (
        await service.http
          .post('/api/v1/worker/codes')
          .send({ idNumber: worker(1).idNumber, phone: worker(1).phone })
      ).status;
    // The connection comes back on its own.
    let status = await again();
    for (let i = 0; i < 50 && status !== 202; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = await again();
    }
    expect(status).toBe(202);
  });
});
