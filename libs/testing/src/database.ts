import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrate, type DatabaseSettings } from '@wage/platform';
import { testInfra } from './infra';

/**
 * The template every test file clones. TEST_TEMPLATE_DATABASE lets two runs on one machine (two checkouts) keep
 * templates of their own; its name must not start with `wage_test_`, or the other run's clean-up would drop it.
 */
export const TEMPLATE_DATABASE = process.env.TEST_TEMPLATE_DATABASE ?? 'wage_test_template';
const TEST_DATABASE_PREFIX = 'wage_test_';

function urlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withServer<T>(serverUrl: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  client.on('error', () => undefined); // a server restarted mid-query rejects the query; that is enough
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Builds the template every test database is cloned from: all services' schemas, migrated from scratch, so a
 * test file starts from exactly what production migrations produce. Leftover test databases are dropped.
 */
export async function createMigratedTemplate(
  serverUrl: string,
  databases: Omit<DatabaseSettings, 'url'>[],
): Promise<void> {
  await withServer(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      // Not the default template either: another checkout's run may be cloning it right now.
      `SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> 'wage_test_template'`,
      [`${TEST_DATABASE_PREFIX}%`],
    );
    for (const { datname } of rows) {
      // Without FORCE: a database still in use by a concurrent run is left alone.
      await client.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => undefined);
    }
    await client.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  });
  const url = urlFor(serverUrl, TEMPLATE_DATABASE);
  for (const settings of databases) await migrate({ ...settings, url });
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database for one test file, cloned from the migrated template (fast: a file copy, no migrations). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { postgresUrl } = testInfra();
  const name = `${TEST_DATABASE_PREFIX}${randomBytes(6).toString('hex')}`;
  await withServer(postgresUrl, async (client) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`);
        return;
      } catch (error) {
        // Two files cloning at the same instant can collide on the template; the second simply tries again.
        const busy = /being accessed by other users/.test((error as Error).message);
        if (!busy || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  });
  return {
    name,
    url: urlFor(postgresUrl, name),
    drop: () =>
      withServer(postgresUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      ).then(() => undefined),
  };
}

/**
 * A database migrated from scratch on a server of the caller's (e.g. a disposable PostgreSQL a fault test
 * restarts), for when the shared template cannot be cloned there.
 */
export async function createMigratedDatabase(
  serverUrl: string,
  databases: Omit<DatabaseSettings, 'url'>[],
  name = `${TEST_DATABASE_PREFIX}${randomBytes(6).toString('hex')}`,
): Promise<TestDatabase> {
  await withServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = urlFor(serverUrl, name);
  for (const settings of databases) await migrate({ ...settings, url });
  return {
    name,
    url,
    drop: () =>
      withServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
