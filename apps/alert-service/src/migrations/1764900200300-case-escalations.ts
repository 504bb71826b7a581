import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA as S } from '../schema';

/**
 * Overdue cases (enforcement-service's CaseOverdue) sent to the leaders of the region above through the same
 * delivery log as alerts: each overdue limit of a case, and on a notification the case it is about (its
 * `alert_ids` then empty).
 */
export class CaseEscalations1764900200300 implements MigrationInterface {
  name = 'CaseEscalations1764900200300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "${S}".case_escalations (
        case_id               uuid        NOT NULL,
        close_by              date        NOT NULL,
        region_code           text        NOT NULL,
        project_code          text,
        alert_key             text,
        employer_name         text        NOT NULL,
        opened_at             timestamptz NOT NULL,
        extended              boolean     NOT NULL,
        working_days_overdue  integer     NOT NULL,
        escalated_to_region   text,
        received_at           timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, close_by)
      )`);
    await queryRunner.query(`ALTER TABLE "${S}".notifications ADD COLUMN case_id uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${S}".notifications DROP COLUMN case_id`);
    await queryRunner.query(`DROP TABLE "${S}".case_escalations`);
  }
}
