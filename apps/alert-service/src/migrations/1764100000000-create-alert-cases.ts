import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA as S } from '../schema';

/**
 * Users (inspectors, leaders, administrators), the projects learnt from project events (for project keys), alert
 * cases, their append-only audit log, and the notifications log whose unique key stops the same alert reaching the
 * same person on the same channel twice for the same reason.
 */
export class CreateAlertCases1764100000000 implements MigrationInterface {
  name = 'CreateAlertCases1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE "${S}".users (
         username         text        PRIMARY KEY,
         password_hash    text        NOT NULL,
         role             text        NOT NULL CHECK (role IN ('INSPECTOR', 'LEADER', 'ADMIN')),
         region_code      text        NOT NULL,
         display_name     text        NOT NULL,
         email            text,
         webhook_url      text,
         wecom_webhook    text,
         dingtalk_webhook text,
         failed_logins    integer     NOT NULL DEFAULT 0,
         locked_until     timestamptz,
         created_at       timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX users_role_region_idx ON "${S}".users (role, region_code)`,
      `CREATE TABLE "${S}".projects (
         code         text        PRIMARY KEY,
         region_code  text        NOT NULL,
         api_key_hash text        NOT NULL UNIQUE,
         status       text        NOT NULL,
         updated_at   timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE TABLE "${S}".alerts (
         id                 uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
         alert_key          text        NOT NULL UNIQUE,
         code               text        NOT NULL,
         severity           text        NOT NULL CHECK (severity IN ('BLUE', 'YELLOW', 'ORANGE', 'RED')),
         status             text        NOT NULL
                            CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'DISMISSED', 'CLEARED')),
         project_code       text        NOT NULL,
         region_code        text        NOT NULL,
         month              text,
         title              text        NOT NULL,
         evidence           jsonb       NOT NULL,
         raised_at          timestamptz NOT NULL,
         updated_at         timestamptz NOT NULL,
         cleared_at         timestamptz,
         assignee           text,
         -- the instant of the latest rules-engine event applied: older events arriving late are ignored
         detected_at        timestamptz NOT NULL,
         raise_count        integer     NOT NULL DEFAULT 1,
         -- when this service learnt of the current severity: the escalation clock starts here
         severity_since     timestamptz NOT NULL,
         escalated_severity text
       )`,
      `CREATE INDEX alerts_region_idx ON "${S}".alerts (region_code, raised_at DESC)`,
      `CREATE INDEX alerts_project_idx ON "${S}".alerts (project_code, raised_at DESC)`,
      `CREATE INDEX alerts_open_idx ON "${S}".alerts (status, severity) WHERE status = 'OPEN'`,
      `CREATE TABLE "${S}".audit_log (
         id          bigserial   PRIMARY KEY,
         alert_id    uuid        REFERENCES "${S}".alerts (id),
         alert_key   text        NOT NULL,
         at          timestamptz NOT NULL,
         actor       text        NOT NULL,
         action      text        NOT NULL,
         from_status text,
         to_status   text,
         severity    text,
         note        text,
         details     jsonb       NOT NULL DEFAULT '{}'
       )`,
      `CREATE INDEX audit_log_alert_idx ON "${S}".audit_log (alert_id, id)`,
      // Append-only: the log is evidence of who did what, so no path may change or remove an entry.
      `CREATE FUNCTION "${S}".audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION 'the audit log is append-only: % is not allowed', TG_OP; END $$`,
      `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "${S}".audit_log
         FOR EACH STATEMENT EXECUTE FUNCTION "${S}".audit_log_is_append_only()`,
      `CREATE TABLE "${S}".notifications (
         id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
         -- also the BullMQ job id: one alert (or digest), one person, one channel, one reason
         dedupe_key text        NOT NULL UNIQUE,
         alert_ids  uuid[]      NOT NULL,
         recipient  text        NOT NULL REFERENCES "${S}".users (username),
         channel    text        NOT NULL CHECK (channel IN ('EMAIL', 'WEBHOOK', 'WECOM', 'DINGTALK')),
         reason     text        NOT NULL,
         event      text        NOT NULL,
         status     text        NOT NULL DEFAULT 'PENDING'
                    CHECK (status IN ('PENDING', 'RETRYING', 'SENT', 'FAILED')),
         attempts   integer     NOT NULL DEFAULT 0,
         errors     text[]      NOT NULL DEFAULT '{}',
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         sent_at    timestamptz
       )`,
      `CREATE INDEX notifications_alert_idx ON "${S}".notifications USING gin (alert_ids)`,
      `CREATE INDEX notifications_pending_idx ON "${S}".notifications (created_at) WHERE status = 'PENDING'`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['notifications', 'audit_log', 'alerts', 'projects', 'users'])
      await queryRunner.query(`DROP TABLE "${S}".${table}`);
    await queryRunner.query(`DROP FUNCTION "${S}".audit_log_is_append_only()`);
  }
}
