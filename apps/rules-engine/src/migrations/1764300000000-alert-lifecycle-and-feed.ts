import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data completeness and the alert lifecycle (docs/domain.md): an absence verdict is PENDING until it has held for
 * the settle period (never published before); an alert an inspector dismissed no longer counts as the contractor's
 * arrears; a bank states how far each account's feed is complete; a cash withdrawal or a fee has no counterparty
 * account.
 */
export class AlertLifecycleAndFeed1764300000000 implements MigrationInterface {
  name = 'AlertLifecycleAndFeed1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [
      `ALTER TABLE rules.alerts DROP CONSTRAINT alerts_status_check`,
      `ALTER TABLE rules.alerts ADD CONSTRAINT alerts_status_check CHECK (status IN ('PENDING', 'OPEN', 'CLEARED'))`,
      // Null while a verdict has never been raised; a cleared alert pending again keeps its last raise.
      `ALTER TABLE rules.alerts ALTER COLUMN raised_at DROP NOT NULL`,
      `ALTER TABLE rules.alerts ADD COLUMN pending_since timestamptz`,
      `ALTER TABLE rules.alerts ADD COLUMN dismissed_at timestamptz`,
      `ALTER TABLE rules.alerts ADD COLUMN dismissed_reason text`,
      // The sweep and the settle check read the alerts that are not cleared.
      `CREATE INDEX alerts_live_idx ON rules.alerts (status, project_code) WHERE status <> 'CLEARED'`,
      `ALTER TABLE rules.accounts ADD COLUMN statement_through timestamptz`,
      `ALTER TABLE rules.transactions ALTER COLUMN counterparty_account_hash DROP NOT NULL`,
      `ALTER TABLE rules.transactions ALTER COLUMN counterparty_account_masked DROP NOT NULL`,
    ]) {
      await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [
      `DELETE FROM rules.transactions WHERE counterparty_account_hash IS NULL`,
      `ALTER TABLE rules.transactions ALTER COLUMN counterparty_account_masked SET NOT NULL`,
      `ALTER TABLE rules.transactions ALTER COLUMN counterparty_account_hash SET NOT NULL`,
      `ALTER TABLE rules.accounts DROP COLUMN statement_through`,
      `DROP INDEX rules.alerts_live_idx`,
      `DELETE FROM rules.alerts WHERE status = 'PENDING' OR raised_at IS NULL`,
      `ALTER TABLE rules.alerts DROP COLUMN dismissed_reason`,
      `ALTER TABLE rules.alerts DROP COLUMN dismissed_at`,
      `ALTER TABLE rules.alerts DROP COLUMN pending_since`,
      `ALTER TABLE rules.alerts ALTER COLUMN raised_at SET NOT NULL`,
      `ALTER TABLE rules.alerts DROP CONSTRAINT alerts_status_check`,
      `ALTER TABLE rules.alerts ADD CONSTRAINT alerts_status_check CHECK (status IN ('OPEN', 'CLEARED'))`,
    ]) {
      await queryRunner.query(statement);
    }
  }
}
