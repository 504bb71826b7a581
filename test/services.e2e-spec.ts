import {
  createTestDatabase,
  startServiceProcess,
  testInfra,
  testSecrets,
  testTopicPrefix,
  type ServiceProcess,
  type TestDatabase,
} from '@wage/testing';

const SERVICES = [
  'roster-service',
  'wage-account-service',
  'rules-engine',
  'alert-service',
  'report-service',
  'gateway',
];

describe('every service as a real process', () => {
  let database: TestDatabase;
  const running: ServiceProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const infra = testInfra();
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: infra.redisUrl,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: testTopicPrefix(),
      ...testSecrets(),
    };
    for (const name of SERVICES) running.push(await startServiceProcess(name, env));
  });

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
    await database.drop();
  });

  it.each(SERVICES)('%s serves /health and /metrics', async (name) => {
    const service = running.find((s) => s.name === name)!;
    const health = await fetch(`${service.url}/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('ok');
    const metrics = await fetch(`${service.url}/metrics`);
    expect(await metrics.text()).toContain(`service="${name}"`);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const stopping = running.splice(0);
    const exits = await Promise.all(stopping.map((service) => service.stop()));
    // Nest re-raises the signal after its shutdown hooks ran, so the process ends by SIGTERM, not by a crash.
    expect(exits).toEqual(SERVICES.map(() => ({ code: null, signal: 'SIGTERM' })));
    for (const service of stopping) expect(service.output()).toContain('shutdown complete');
  });

  it('refuses to start with a bad configuration and names the variable', async () => {
    await expect(
      startServiceProcess('roster-service', {
        ...testSecrets(),
        DATABASE_URL: 'not-a-url',
        KAFKA_BROKERS: '127.0.0.1:9092',
      }),
    ).rejects.toThrow(/DATABASE_URL: must be a URL starting with postgres:/);
  });
});
