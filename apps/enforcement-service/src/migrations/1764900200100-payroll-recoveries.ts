import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA as S } from '../schema';

/**
 * Recoveries matched from the dedicated account's payroll: which project each account belongs to and which worker
 * (blind index) each card is registered for, learnt from wage-account-service's and roster-service's events, and on
 * a recovery where it came from. A bank transaction counts once, on one case (`account_number`, `serial_no`).
 */
export class PayrollRecoveries1764900200100 implements MigrationInterface {
  name = 'PayrollRecoveries1764900200100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE "${S}".wage_accounts (
         account_number text PRIMARY KEY,
         project_code   text NOT NULL
       )`,
      `CREATE TABLE "${S}".worker_cards (
         project_code text NOT NULL,
         card_hash    text NOT NULL,
         id_hash      text NOT NULL,
         PRIMARY KEY (project_code, card_hash)
       )`,
      `ALTER TABLE "${S}".recoveries
         ADD COLUMN source text NOT NULL DEFAULT 'INSPECTOR' CHECK (source IN ('INSPECTOR', 'PAYROLL')),
         ADD COLUMN account_number text,
         ADD COLUMN serial_no text`,
      `CREATE UNIQUE INDEX recoveries_payroll_once ON "${S}".recoveries (account_number, serial_no)
         WHERE source = 'PAYROLL'`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "${S}".recoveries_payroll_once`);
    await queryRunner.query(
      `ALTER TABLE "${S}".recoveries DROP COLUMN source, DROP COLUMN account_number, DROP COLUMN serial_no`,
    );
    await queryRunner.query(`DROP TABLE "${S}".worker_cards`);
    await queryRunner.query(`DROP TABLE "${S}".wage_accounts`);
  }
}
