import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA as S } from '../schema';

/**
 * The enforcement case opened from an alert, as enforcement-service's events tell it: one per alert (an alert key is
 * one alert case here), so an inspector opening the alert sees that a case exists, whether it is open, and its
 * deadline. Keyed by `for_alert_key`, a name no alerts column has, so a subquery can refer to the alert's own key.
 */
export class AlertEnforcementCases1764800500000 implements MigrationInterface {
  name = 'AlertEnforcementCases1764800500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "${S}".alert_enforcement_cases (
         for_alert_key  text        PRIMARY KEY,
         case_id        uuid        NOT NULL UNIQUE,
         status         text        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
         opened_at      timestamptz NOT NULL,
         close_by       date        NOT NULL,
         closed_at      timestamptz,
         closure_code   text
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${S}".alert_enforcement_cases`);
  }
}
