import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA as S } from '../schema';

/**
 * The alerts raised about each project, as wage.alerts.events.v1 tells them (one row per alert key), so an
 * employer's record shows the alerts that stood against its projects beside its findings. No evidence is kept.
 */
export class CreateAlertRecord1764900900000 implements MigrationInterface {
  name = 'CreateAlertRecord1764900900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "${S}".alert_record (
         alert_key       text        PRIMARY KEY,
         project_code    text        NOT NULL,
         code            text        NOT NULL,
         severity        text        NOT NULL,
         month           text,
         title           text        NOT NULL,
         first_raised_at timestamptz NOT NULL,
         last_raised_at  timestamptz NOT NULL,
         times_raised    integer     NOT NULL,
         open            boolean     NOT NULL,
         dismissed_at    timestamptz,
         dismissal       text
       )`,
    );
    await queryRunner.query(
      `CREATE INDEX alert_record_project_idx ON "${S}".alert_record (project_code, last_raised_at DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${S}".alert_record`);
  }
}
