import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA as S } from '../schema';

/** An alert's history is read in the order things happened (by instant), no longer in the order of arrival. */
export class AuditLogByInstant1764300000000 implements MigrationInterface {
  name = 'AuditLogByInstant1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX audit_log_alert_at_idx ON "${S}".audit_log (alert_id, at, id)`);
    await queryRunner.query(`DROP INDEX "${S}".audit_log_alert_idx`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX audit_log_alert_idx ON "${S}".audit_log (alert_id, id)`);
    await queryRunner.query(`DROP INDEX "${S}".audit_log_alert_at_idx`);
  }
}
