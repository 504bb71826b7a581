import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxPayloadAsJsonMigration, platformTablesMigration, type DatabaseSettings } from '@wage/platform';
import { database as alertService } from '../../../apps/alert-service/src/database';
import { database as enforcementService } from '../../../apps/enforcement-service/src/database';
import { database as reportService } from '../../../apps/report-service/src/database';
import { database as rosterService } from '../../../apps/roster-service/src/database';
import { database as rulesEngine } from '../../../apps/rules-engine/src/database';
import { database as wageAccountService } from '../../../apps/wage-account-service/src/database';

export const PLATFORM_TEST_SCHEMA = 'platform_test';

class CreateWidgets1763700000001 implements MigrationInterface {
  name = 'CreateWidgets1763700000001';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "${PLATFORM_TEST_SCHEMA}".widgets (id text PRIMARY KEY, name text NOT NULL)`,
    );
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${PLATFORM_TEST_SCHEMA}".widgets`);
  }
}

/** A schema only the platform's own integration tests use: the platform tables and one business table. */
export const platformTestDatabase = {
  schema: PLATFORM_TEST_SCHEMA,
  entities: [],
  migrations: [
    platformTablesMigration(PLATFORM_TEST_SCHEMA),
    CreateWidgets1763700000001,
    outboxPayloadAsJsonMigration(PLATFORM_TEST_SCHEMA),
  ],
};

/** Every schema in the test template: each service's, migrated exactly as in production. */
export const TEST_TEMPLATE_SCHEMAS: Omit<DatabaseSettings, 'url'>[] = [
  rosterService,
  wageAccountService,
  rulesEngine,
  alertService,
  reportService,
  enforcementService,
  platformTestDatabase,
];
