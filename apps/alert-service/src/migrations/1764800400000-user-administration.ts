import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA as S } from '../schema';

/**
 * Administering users: a user can be disabled (kept, with their history, but unable to log in and no longer
 * notified or offered as an assignee), and every change an administrator makes is recorded in an append-only log of
 * who changed which fields when (a password reset is recorded as such, never the password).
 */
export class UserAdministration1764800400000 implements MigrationInterface {
  name = 'UserAdministration1764800400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [
      `ALTER TABLE "${S}".users ADD COLUMN disabled_at timestamptz`,
      `CREATE TABLE "${S}".user_changes (
         id       bigserial   PRIMARY KEY,
         username text        NOT NULL REFERENCES "${S}".users (username),
         at       timestamptz NOT NULL,
         actor    text        NOT NULL,
         changes  jsonb       NOT NULL
       )`,
      `CREATE INDEX user_changes_user_idx ON "${S}".user_changes (username, id)`,
      `CREATE FUNCTION "${S}".user_changes_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION 'the user change log is append-only: % is not allowed', TG_OP; END $$`,
      `CREATE TRIGGER user_changes_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "${S}".user_changes
         FOR EACH STATEMENT EXECUTE FUNCTION "${S}".user_changes_is_append_only()`,
    ])
      await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${S}".user_changes`);
    await queryRunner.query(`DROP FUNCTION "${S}".user_changes_is_append_only()`);
    await queryRunner.query(`ALTER TABLE "${S}".users DROP COLUMN disabled_at`);
  }
}
