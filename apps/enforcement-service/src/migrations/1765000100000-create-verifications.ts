import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA as S } from '../schema';

/**
 * Verification requests (核实请求): a RED or ORANGE alert, or an accepted complaint or clue, in a grid asks the grid
 * assistant to verify it on site within 3 working days; one past its day is escalated to the district's inspectors.
 * At most one standing (OPEN or ESCALATED) request per alert key and one per complaint. The projects' copy learns
 * their grid, for a complaint about a project in a grid.
 */
export class CreateVerifications1765000100000 implements MigrationInterface {
  name = 'CreateVerifications1765000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "${S}".projects ADD COLUMN IF NOT EXISTS grid_code text COLLATE "C"`,
    );
    await queryRunner.query(
      `CREATE TABLE "${S}".verifications (
         id            uuid        PRIMARY KEY,
         subject       text        NOT NULL CHECK (subject IN ('ALERT', 'COMPLAINT')),
         alert_key     text,
         complaint_id  uuid,
         code          text,
         severity      text,
         project_code  text,
         grid_code     text        COLLATE "C" NOT NULL,
         region_code   text        COLLATE "C" NOT NULL,
         requested_at  timestamptz NOT NULL,
         due_by        date        NOT NULL,
         status        text        NOT NULL CHECK (status IN ('OPEN', 'DONE', 'ESCALATED', 'WITHDRAWN')),
         result        text        CHECK (result IN ('CONFIRMED', 'NOT_CONFIRMED', 'CORRECTED')),
         visit_id      uuid,
         done_at       timestamptz,
         escalated_at  timestamptz,
         withdrawn_at  timestamptz,
         CHECK ((subject = 'ALERT') = (alert_key IS NOT NULL)),
         CHECK ((subject = 'COMPLAINT') = (complaint_id IS NOT NULL))
       )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX verifications_standing_alert_idx ON "${S}".verifications (alert_key)
         WHERE status IN ('OPEN', 'ESCALATED')`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX verifications_complaint_idx ON "${S}".verifications (complaint_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX verifications_grid_idx ON "${S}".verifications (grid_code, requested_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX verifications_open_due_idx ON "${S}".verifications (due_by) WHERE status = 'OPEN'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${S}".verifications`);
    await queryRunner.query(`ALTER TABLE "${S}".projects DROP COLUMN IF EXISTS grid_code`);
  }
}
