import { Writable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import { Module, type DynamicModule } from '@nestjs/common';
import request from 'supertest';
import type { Logger } from 'pino';
import {
  PLATFORM_TEST_SCHEMA,
  createTestDatabase,
  testInfra,
  testTopicPrefix,
  type TestDatabase,
} from '@wage/testing';
import { runService } from './http/run-service';
import { createLogger } from './logging/logger';
import { PlatformModule } from './platform.module';
import type { ServiceDefinition } from './service-definition';
import { KafkaClient } from './kafka/kafka-client';
import { OutboxRelayService } from './kafka/outbox-relay.service';

@Module({})
class TestAppModule {
  static forRoot(service: ServiceDefinition, logger: Logger): DynamicModule {
    return { module: TestAppModule, imports: [PlatformModule.forRoot(service, logger)] };
  }
}

describe('a service built on the platform module (real PostgreSQL, Redis and Kafka)', () => {
  let database: TestDatabase;
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    service: 'platform-test',
    level: 'info',
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString('utf8')));
        done();
      },
    }),
  });

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  function definition(overrides: Partial<ServiceDefinition> = {}): ServiceDefinition {
    const infra = testInfra();
    return {
      name: 'platform-test',
      host: '127.0.0.1',
      port: 0,
      logLevel: 'info',
      database: { url: database.url, schema: PLATFORM_TEST_SCHEMA },
      redisUrl: infra.redisUrl,
      kafka: { brokers: infra.kafkaBrokers, topicPrefix: testTopicPrefix() },
      outbox: true,
      ...overrides,
    };
  }

  async function start(service: ServiceDefinition): Promise<INestApplication> {
    return runService(service, (log) => TestAppModule.forRoot(service, log), { logger });
  }

  it('reports healthy database, Redis and Kafka; serves metrics; tags requests with an id', async () => {
    const metricsToken = 'a-metrics-token-of-24-characters';
    const app = await start(definition({ metricsToken }));
    try {
      const health = await request(app.getHttpServer()).get('/health').set('X-Request-Id', 'probe-1');
      expect(health.status).toBe(200);
      expect(health.body.info).toEqual({
        database: { status: 'up' },
        redis: { status: 'up' },
        kafka: { status: 'up' },
      });
      expect(health.headers['x-request-id']).toBe('probe-1');

      const unknown = await request(app.getHttpServer()).get('/no-such-route/11010519491231002X');
      expect(unknown.status).toBe(404);
      const line = lines.find((l) => l.msg === 'request completed' && l.status === 404);
      expect(line).toMatchObject({ requestId: unknown.headers['x-request-id'], method: 'GET' });
      expect(JSON.stringify(line)).not.toContain('11010519491231002X');

      // Found by the attack pass: /metrics (routes, topics, versions) answered anyone.
      expect((await request(app.getHttpServer()).get('/metrics')).status).toBe(401);
      const wrong = await request(app.getHttpServer()).get('/metrics').set('Authorization', 'Bearer wrong');
      expect(wrong.status).toBe(401);
      expect(wrong.body.error).toBe('UNAUTHORIZED');
      const metrics = await request(app.getHttpServer())
        .get('/metrics')
        .set('Authorization', `Bearer ${metricsToken}`);
      expect(metrics.status).toBe(200);
      expect(metrics.text).toContain('http_request_duration_seconds_bucket');
      expect(metrics.text).toContain('service="platform-test"');
    } finally {
      await app.close();
    }
  });

  it('answers 503 naming the dependency that does not answer', async () => {
    const app = await start(definition({ redisUrl: 'redis://127.0.0.1:1' }));
    try {
      const health = await request(app.getHttpServer()).get('/health');
      expect(health.status).toBe(503);
      expect(health.body.error).toEqual({ redis: expect.objectContaining({ status: 'down' }) });
      expect(health.body.details.database).toEqual({ status: 'up' });
    } finally {
      await app.close();
    }
  });

  it('shuts down gracefully: the outbox relay stops before the connections close', async () => {
    const app = await start(definition());
    const stopRelay = jest.spyOn(app.get(OutboxRelayService).relay, 'stop');
    const closeKafka = jest.spyOn(app.get(KafkaClient), 'close');
    await app.close();
    expect(stopRelay).toHaveBeenCalledTimes(1);
    expect(closeKafka).toHaveBeenCalledTimes(1);
    expect(stopRelay.mock.invocationCallOrder[0]).toBeLessThan(closeKafka.mock.invocationCallOrder[0]);
  });
});
