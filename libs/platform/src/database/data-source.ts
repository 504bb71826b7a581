import { Client, type ClientConfig } from 'pg';
import { DataSource, type DataSourceOptions, type EntitySchema, type MixedList } from 'typeorm';

export interface DatabaseSettings {
  url: string;
  /** The one schema this service owns; its tables and its migrations table live there. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations?: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
  /** Told when a pooled connection fails outside a query (e.g. the server restarted); the pool replaces it. */
  onConnectionError?: (error: Error) => void;
}

/**
 * pg-pool listens for a client's 'error' only while the client is idle. A client checked out by TypeORM between
 * two queries — a transaction waiting on Redis or an SMTP server — that loses its server (PostgreSQL restarted:
 * 57P01) emitted 'error' with nobody listening, and Node ended the whole process. With a listener for the client's
 * whole life the error is reported instead; the client is unusable either way, so its next query fails (the caller's
 * transaction rolls back and is retried) and the pool discards it on release.
 */
function listenedClient(onError: (error: Error) => void): typeof Client {
  return class ListenedClient extends Client {
    constructor(config?: string | ClientConfig) {
      super(config);
      this.on('error', onError);
    }
  };
}

/**
 * TypeORM options for one service: no synchronize, explicit entities and migrations (never globs that change with
 * the build), the service's own schema first on the search path.
 */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    schema: settings.schema,
    entities: settings.entities ?? [],
    migrations: settings.migrations ?? [],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    applicationName: settings.applicationName,
    extra: {
      max: settings.poolSize ?? 10,
      // Fail fast when the server is gone instead of queueing requests forever; the pool reconnects by itself.
      connectionTimeoutMillis: 5_000,
      Client: listenedClient(settings.onConnectionError ?? (() => undefined)),
      options: `-c search_path=${settings.schema},public`,
    },
  };
}

/** Creates the schema if needed and applies every pending migration; returns the names applied. */
export async function migrate(settings: DatabaseSettings): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions({ ...settings, poolSize: 1 }));
  await dataSource.initialize();
  try {
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${settings.schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Reverts the most recent migration of a service (its `down`). */
export async function revertLastMigration(settings: DatabaseSettings): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(settings));
  await dataSource.initialize();
  try {
    await dataSource.undoLastMigration({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
