import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA as S } from '../schema';

/**
 * A cash withdrawal at the counter (现金支取) or a bank fee has no counterparty account: its three account columns
 * are then all null, which no other kind may be.
 */
export class CashWithdrawals1764300000000 implements MigrationInterface {
  name = 'CashWithdrawals1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [
      `ALTER TABLE "${S}".transactions ALTER COLUMN counterparty_account_cipher DROP NOT NULL`,
      `ALTER TABLE "${S}".transactions ALTER COLUMN counterparty_account_hash DROP NOT NULL`,
      `ALTER TABLE "${S}".transactions ALTER COLUMN counterparty_account_masked DROP NOT NULL`,
      `ALTER TABLE "${S}".transactions ADD CONSTRAINT transactions_counterparty_account_check CHECK (
         CASE WHEN counterparty_account_hash IS NULL
           THEN counterparty_account_cipher IS NULL AND counterparty_account_masked IS NULL
                AND kind IN ('WITHDRAWAL', 'FEE')
           ELSE counterparty_account_cipher IS NOT NULL AND counterparty_account_masked IS NOT NULL
         END)`,
    ]) {
      await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // These are the bank's records, not a read model that can be rebuilt: refuse rather than delete them.
    const [{ n }] = await queryRunner.query(
      `SELECT count(*)::int AS n FROM "${S}".transactions WHERE counterparty_account_hash IS NULL`,
    );
    if (n > 0) {
      throw new Error(
        `${n} transactions have no counterparty account (cash withdrawals or fees); the previous schema cannot ` +
          'hold them, so this migration is not reverted',
      );
    }
    for (const statement of [
      `ALTER TABLE "${S}".transactions DROP CONSTRAINT transactions_counterparty_account_check`,
      `ALTER TABLE "${S}".transactions ALTER COLUMN counterparty_account_masked SET NOT NULL`,
      `ALTER TABLE "${S}".transactions ALTER COLUMN counterparty_account_hash SET NOT NULL`,
      `ALTER TABLE "${S}".transactions ALTER COLUMN counterparty_account_cipher SET NOT NULL`,
    ]) {
      await queryRunner.query(statement);
    }
  }
}
