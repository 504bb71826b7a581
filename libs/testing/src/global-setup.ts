// Global setup runs outside Jest's module mapper: resolve the @wage/* aliases from tsconfig.json.
import 'tsconfig-paths/register';
import { createMigratedTemplate } from './database';
import { LOCAL_INFRA, containerRuntimeAnswers, portAnswers, publishInfra, type TestInfra } from './infra';
import { TEST_TEMPLATE_SCHEMAS } from './service-databases';

declare global {
  // Set by the global setup, read by the global teardown (same process).
  var __TEST_CONTAINERS__: { stop(): Promise<void> } | undefined;
}

/** The local services that do not answer. */
async function missingLocalServices(): Promise<string[]> {
  const services: [string, number][] = [
    ['PostgreSQL on 127.0.0.1:5432', 5432],
    ['Redis on 127.0.0.1:6379', 6379],
    ['Kafka on 127.0.0.1:9092', 9092],
  ];
  const answers = await Promise.all(services.map(([, port]) => portAnswers('127.0.0.1', port)));
  return services.filter((_, i) => !answers[i]).map(([name]) => name);
}

/**
 * Chooses the tests' infrastructure once per run: the local services when TEST_INFRA=local (set by `npm test` after
 * `infra:up`) or when they already answer; otherwise containers through testcontainers, when a Docker engine answers.
 * Then builds the migrated template database that every test file clones.
 */
export default async function globalSetup(): Promise<void> {
  let infra: TestInfra;
  const requested = process.env.TEST_INFRA;
  const missing = requested === 'containers' ? ['(containers requested)'] : await missingLocalServices();
  if (missing.length === 0) {
    infra = LOCAL_INFRA;
  } else if (requested !== 'local' && containerRuntimeAnswers()) {
    const { startContainers } = await import('./containers');
    const started = await startContainers();
    globalThis.__TEST_CONTAINERS__ = started;
    infra = started.infra;
  } else {
    throw new Error(
      `test infrastructure missing: ${missing.join(', ')} do not answer and no Docker engine is available.\n` +
        'Run the tests with `npm test` (it starts the local services), or `npm run infra:up` first.',
    );
  }
  publishInfra(infra);
  await createMigratedTemplate(infra.postgresUrl, TEST_TEMPLATE_SCHEMAS);
}
