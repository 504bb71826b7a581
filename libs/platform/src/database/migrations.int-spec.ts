import { DataSource } from 'typeorm';
import { TEST_TEMPLATE_SCHEMAS, createTestDatabase, type TestDatabase } from '@wage/testing';
import { dataSourceOptions, migrate, revertLastMigration } from './data-source';

describe('migrations of every service (real PostgreSQL)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(); // cloned from the template: every migration already applied
  });
  afterAll(() => database.drop());

  async function appliedMigrations(schema: string): Promise<number> {
    const dataSource = new DataSource(dataSourceOptions({ url: database.url, schema, poolSize: 1 }));
    await dataSource.initialize();
    try {
      return (await dataSource.query(`SELECT count(*)::int AS n FROM "${schema}".migrations`))[0].n;
    } finally {
      await dataSource.destroy();
    }
  }

  it.each(TEST_TEMPLATE_SCHEMAS.map((s) => [s.schema, s] as const))(
    '%s: every migration reverts with its down, and applies again',
    async (schema, settings) => {
      const count = await appliedMigrations(schema);
      expect(count).toBe((settings.migrations as unknown[]).length);
      for (let i = 0; i < count; i += 1) await revertLastMigration({ ...settings, url: database.url });
      expect(await appliedMigrations(schema)).toBe(0);
      const reapplied = await migrate({ ...settings, url: database.url });
      expect(reapplied).toHaveLength(count);
    },
  );
});
