import {
  createTestDatabase,
  freePort,
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
  'enforcement-service',
  'gateway',
];

describe('every service as a real process', () => {
  let database: TestDatabase;
  const running: ServiceProcess[] = [];
  const secrets = testSecrets();

  beforeAll(async () => {
    database = await createTestDatabase();
    const infra = testInfra();
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: infra.redisUrl,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: testTopicPrefix(),
      ...secrets,
    };
    for (const name of SERVICES) running.push(await startServiceProcess(name, env));
  });

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
    await database.drop();
  });

  it.each(SERVICES)('%s serves /health, and /metrics to the holder of METRICS_TOKEN only', async (name) => {
    const service = running.find((s) => s.name === name)!;
    const health = await fetch(`${service.url}/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('ok');
    expect((await fetch(`${service.url}/metrics`)).status).toBe(401);
    const metrics = await fetch(`${service.url}/metrics`, {
      headers: { authorization: `Bearer ${secrets.METRICS_TOKEN}` },
    });
    expect(await metrics.text()).toContain(`service="${name}"`);
  });

  it('each service serves its OpenAPI document; the gateway merges those that answer and names the others', async () => {
    for (const service of running.filter((s) => s.name !== 'gateway')) {
      const answer = await fetch(`${service.url}/openapi.json`);
      expect({ name: service.name, status: answer.status }).toEqual({ name: service.name, status: 200 });
      const paths = Object.keys(((await answer.json()) as { paths: object }).paths);
      expect(paths.length).toBeGreaterThan(0);
      expect(paths.filter((p) => !p.startsWith('/api/v1/'))).toEqual([]);
    }
    // A gateway whose report-service is down: nothing listens on that port.
    const url = (name: string) => running.find((s) => s.name === name)!.url;
    const gateway = await startServiceProcess('gateway', {
      ROSTER_SERVICE_URL: url('roster-service'),
      WAGE_ACCOUNT_SERVICE_URL: url('wage-account-service'),
      RULES_ENGINE_URL: url('rules-engine'),
      ALERT_SERVICE_URL: url('alert-service'),
      REPORT_SERVICE_URL: `http://127.0.0.1:${await freePort()}`,
      ENFORCEMENT_SERVICE_URL: url('enforcement-service'),
    });
    try {
      const answer = await fetch(`${gateway.url}/api/docs/openapi.json`);
      expect(answer.status).toBe(200);
      const document = (await answer.json()) as { paths: object; 'x-unavailable': string[] };
      expect(document['x-unavailable']).toEqual(['report-service']);
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining(['/api/v1/projects', '/api/v1/alerts']),
      );
      expect(Object.keys(document.paths)).not.toContain('/api/v1/coverage');
    } finally {
      await gateway.stop();
    }
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
