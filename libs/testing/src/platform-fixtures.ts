import { DataSource } from 'typeorm';
import { z } from 'zod';
import pino from 'pino';
import { Topics, defineEvent } from '@wage/contracts';
import { KafkaClient, dataSourceOptions, type Logger } from '@wage/platform';
import { createTestDatabase, type TestDatabase } from './database';
import { testInfra } from './infra';
import { testTopicPrefix } from './kafka';
import { PLATFORM_TEST_SCHEMA } from './service-databases';

/** A contract only the platform's tests use, so they do not depend on any service's events. */
export const WidgetMade = defineEvent(
  Topics.project,
  'WidgetMade',
  z.object({ widgetId: z.string(), name: z.string() }),
);

export const silentLogger: Logger = pino({ level: 'silent' });

export interface PlatformFixture {
  database: TestDatabase;
  dataSource: DataSource;
  topicPrefix: string;
  kafka: KafkaClient;
  close(): Promise<void>;
}

/** A test file's own database (platform_test schema) and Kafka prefix, with a client for each. */
export async function platformFixture(): Promise<PlatformFixture> {
  const database = await createTestDatabase();
  const dataSource = new DataSource(
    dataSourceOptions({ url: database.url, schema: PLATFORM_TEST_SCHEMA, poolSize: 4 }),
  );
  await dataSource.initialize();
  const topicPrefix = testTopicPrefix();
  const kafka = new KafkaClient({
    brokers: testInfra().kafkaBrokers,
    clientId: 'platform-test',
    topicPrefix,
    logger: silentLogger,
  });
  return {
    database,
    dataSource,
    topicPrefix,
    kafka,
    close: async () => {
      await kafka.close();
      await dataSource.destroy();
      await database.drop();
    },
  };
}
