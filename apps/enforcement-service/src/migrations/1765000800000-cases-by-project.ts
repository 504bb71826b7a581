import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA as S } from '../schema';

/**
 * A project's cases by the day they opened: the payroll consumer asks, once per account and batch of transactions,
 * whether the account's project has a case at all (most have none, and their payroll is then passed over).
 */
export class CasesByProject1765000800000 implements MigrationInterface {
  name = 'CasesByProject1765000800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS cases_project_idx ON "${S}".cases (project_code, opened_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "${S}".cases_project_idx`);
  }
}
