import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA as S } from '../schema';

/**
 * The monitored party never certifies itself: a deposit a project declares names the bank that holds it and counts
 * only once that bank confirms it (`confirmed_at`). Deposits recorded before were recorded by banks or the
 * administrator, and stay confirmed as of their recording.
 */
export class DepositConfirmation1764400000001 implements MigrationInterface {
  name = 'DepositConfirmation1764400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [
      `ALTER TABLE "${S}".deposits ADD COLUMN declared_by_project boolean NOT NULL DEFAULT false,
         ADD COLUMN confirmed_at timestamptz`,
      `UPDATE "${S}".deposits SET confirmed_at = recorded_at`,
      `ALTER TABLE "${S}".deposits ADD CONSTRAINT deposits_confirmed_check
         CHECK (declared_by_project OR confirmed_at IS NOT NULL)`,
      `ALTER TABLE "${S}".deposits ADD CONSTRAINT deposits_declared_bank_check
         CHECK (NOT declared_by_project OR bank_code IS NOT NULL)`,
    ]) {
      await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const [{ n }] = await queryRunner.query(
      `SELECT count(*)::int AS n FROM "${S}".deposits WHERE confirmed_at IS NULL`,
    );
    if (n > 0) {
      throw new Error(
        `${n} deposits are declared by their project and not yet confirmed by the bank; the previous schema would ` +
          'count them, so this migration is not reverted',
      );
    }
    await queryRunner.query(
      `ALTER TABLE "${S}".deposits DROP COLUMN declared_by_project, DROP COLUMN confirmed_at`,
    );
  }
}
