import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import {
  createLogger,
  loadEnv,
  runService,
  type Clock,
  type Logger,
  type ServiceDefinition,
} from '@wage/platform';
import { createTestDatabase, type TestDatabase } from './database';
import { testInfra } from './infra';
import { testTopicPrefix } from './kafka';
import { silentLogger } from './platform-fixtures';
import { testSecrets } from './service-env';

/** What a service app exports for its main: its env schema, how env becomes a definition, its root module. */
export interface ServiceParts<S extends z.ZodType> {
  envSchema: S;
  serviceDefinition: (env: z.infer<S>) => ServiceDefinition;
  AppModule: { forRoot(service: ServiceDefinition, logger: Logger): DynamicModule };
}

export interface TestApp {
  app: INestApplication;
  /** supertest against the app's HTTP server. */
  http: TestAgent;
  /** The environment the app was started with (its secrets: ADMIN_API_KEY, ...). */
  env: Record<string, string>;
  database: TestDatabase;
  /** The app's database connection (a service without a database, the gateway, has none: reading it throws). */
  readonly dataSource: DataSource;
  /** The physical name of a contract topic for this app's prefix. */
  topic(name: string): string;
  close(): Promise<void>;
}

/**
 * Boots a service in-process for an integration test, exactly as its main does, against its own database (cloned
 * from the migrated template), its own Kafka topic prefix, real Redis, and fresh secrets. `overrides` replaces any
 * environment variable; `clock` is the time the service goes by (a TestClock a test moves).
 */
export async function startTestApp<S extends z.ZodType>(
  parts: ServiceParts<S>,
  overrides: Record<string, string> = {},
  { clock }: { clock?: Clock } = {},
): Promise<TestApp> {
  const infra = testInfra();
  const database = await createTestDatabase();
  const topicPrefix = testTopicPrefix();
  const env: Record<string, string> = {
    DATABASE_URL: database.url,
    REDIS_URL: infra.redisUrl,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: topicPrefix,
    LOG_LEVEL: 'silent',
    PORT: '0',
    ...testSecrets(),
    ...overrides,
  };
  const service = { ...parts.serviceDefinition(loadEnv(parts.envSchema, env)), ...(clock && { clock }) };
  // Silent unless TEST_LOG_LEVEL asks for the app's logs (e.g. TEST_LOG_LEVEL=debug npx jest --runInBand ...).
  const logLevel = process.env.TEST_LOG_LEVEL;
  const logger = logLevel ? createLogger({ service: service.name, level: logLevel }) : silentLogger;
  const app = await runService(service, (log) => parts.AppModule.forRoot(service, log), { logger });
  return {
    app,
    http: request(app.getHttpServer()),
    env,
    database,
    get dataSource(): DataSource {
      if (!service.database) throw new Error(`${service.name} has no database`);
      return app.get(DataSource);
    },
    topic: (name) => `${topicPrefix}${name}`,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * A service's app built but not started (Nest's preview mode: the module graph without instantiating providers,
 * so nothing connects anywhere): enough to read its routes and build its OpenAPI document in a unit test.
 */
export async function previewServiceApp<S extends z.ZodType>(
  parts: ServiceParts<S>,
): Promise<INestApplication> {
  const env: Record<string, string> = {
    // Never contacted in preview mode; syntactically valid so that the env schema accepts them.
    DATABASE_URL: 'postgres://preview@127.0.0.1:9/preview',
    REDIS_URL: 'redis://127.0.0.1:9',
    KAFKA_BROKERS: '127.0.0.1:9',
    LOG_LEVEL: 'silent',
    ...testSecrets(),
  };
  const service = parts.serviceDefinition(loadEnv(parts.envSchema, env));
  return NestFactory.create(parts.AppModule.forRoot(service, silentLogger), { preview: true, logger: false });
}
