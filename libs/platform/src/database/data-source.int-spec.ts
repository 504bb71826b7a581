import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, waitFor, type TestDatabase } from '@wage/testing';
import { dataSourceOptions } from './data-source';

describe('the data source when PostgreSQL drops a connection (real PostgreSQL)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  // Found by the fault tests: alert-service died ("Unhandled 'error' event", 57P01) when PostgreSQL restarted while
  // a transaction waited on an SMTP server between two queries. pg_terminate_backend sends the same 57P01.
  it('reports a connection lost inside a transaction between two queries, and the service carries on', async () => {
    const errors: Error[] = [];
    const dataSource = new DataSource(
      dataSourceOptions({
        url: database.url,
        schema: 'public',
        poolSize: 2,
        onConnectionError: (error) => errors.push(error),
      }),
    );
    await dataSource.initialize();
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    try {
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      const [{ pid }] = await runner.query(`SELECT pg_backend_pid() AS pid`);
      // The transaction now waits on something else; meanwhile the server ends its connection.
      await admin.query(`SELECT pg_terminate_backend($1)`, [pid]);
      await waitFor(() => errors.length > 0, { description: 'the lost connection to be reported' });
      expect((errors[0] as Error & { code?: string }).code).toBe('57P01');
      await expect(runner.query(`SELECT 1`)).rejects.toThrow();
      await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
      // The pool replaced the dead connection: the next transactions work.
      for (let i = 0; i < 3; i += 1) expect(await dataSource.query(`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
    } finally {
      await admin.end();
      await dataSource.destroy();
    }
  });
});
