import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA as S } from '../schema';

/**
 * Grid assistants' verifications (核实, enforcement-service's VerificationRequested and VerificationOverdue) sent
 * through the same delivery log as alerts: what each notice was about (no complainant, no worker), and on a
 * notification the verification it is about (its `alert_ids` then empty). A VerificationRecorded entered in an
 * alert's history is entered once per visit: the unique index on the visit stops a second entry.
 */
export class VerificationNotices1765000200000 implements MigrationInterface {
  name = 'VerificationNotices1765000200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "${S}".verification_notices (
        verification_id       uuid        NOT NULL,
        kind                  text        NOT NULL CHECK (kind IN ('REQUESTED', 'OVERDUE')),
        subject               text        NOT NULL CHECK (subject IN ('ALERT', 'COMPLAINT')),
        alert_key             text,
        code                  text,
        severity              text,
        complaint_id          uuid,
        project_code          text,
        grid_code             text        NOT NULL,
        region_code           text        NOT NULL,
        requested_at          timestamptz NOT NULL,
        due_by                date        NOT NULL,
        working_days_overdue  integer,
        received_at           timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (verification_id, kind)
      )`);
    await queryRunner.query(`ALTER TABLE "${S}".notifications ADD COLUMN verification_id uuid`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX audit_log_verified_once ON "${S}".audit_log ((details->>'visitId'))
       WHERE action = 'VERIFIED'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "${S}".audit_log_verified_once`);
    await queryRunner.query(`ALTER TABLE "${S}".notifications DROP COLUMN verification_id`);
    await queryRunner.query(`DROP TABLE "${S}".verification_notices`);
  }
}
