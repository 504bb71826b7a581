import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A roll change looks up the payroll paid to each changed worker's card and identity number, on that worker's
 * project. Without these indexes each 500-worker chunk of a roll read every payroll debit of every project.
 */
export class PayrollCounterpartyIndexes1765100000200 implements MigrationInterface {
  name = 'PayrollCounterpartyIndexes1765100000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX transactions_payroll_card_idx ON rules.transactions (project_code, counterparty_account_hash)
       WHERE kind = 'PAYROLL'`,
    );
    await queryRunner.query(
      `CREATE INDEX transactions_payroll_identity_idx ON rules.transactions (project_code, counterparty_id_hash)
       WHERE kind = 'PAYROLL' AND counterparty_id_hash IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX rules.transactions_payroll_identity_idx`);
    await queryRunner.query(`DROP INDEX rules.transactions_payroll_card_idx`);
  }
}
