import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projects, their real-name worker rolls (实名册), monthly attendance (考勤) and pay sheets (工资支付表).
 * Identity, card and phone numbers are held only encrypted (`*_encrypted`), with a blind index (`*_hash`) for
 * lookups and the masked form for answers, so the tables never hold one of them in clear.
 */
export class CreateRosterTables1763800000000 implements MigrationInterface {
  name = 'CreateRosterTables1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE roster.projects (
        code                   text        PRIMARY KEY,
        name                   text        NOT NULL,
        region_code            text        NOT NULL,
        contractor_name        text        NOT NULL,
        contractor_credit_code text        NOT NULL,
        owner_name             text        NOT NULL,
        owner_credit_code      text,
        contract_amount_fen    bigint      NOT NULL CHECK (contract_amount_fen > 0),
        start_date             date        NOT NULL,
        planned_end_date       date,
        payday                 smallint    NOT NULL CHECK (payday BETWEEN 1 AND 31),
        status                 text        NOT NULL,
        status_effective_date  date        NOT NULL,
        api_key_hash           text        NOT NULL UNIQUE,
        created_at             timestamptz NOT NULL DEFAULT now(),
        updated_at             timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX projects_region_idx ON roster.projects (region_code)`);
    await queryRunner.query(`
      CREATE TABLE roster.workers (
        id             uuid        PRIMARY KEY,
        project_code   text        NOT NULL REFERENCES roster.projects (code),
        id_hash        text        NOT NULL,
        id_encrypted   text        NOT NULL,
        id_masked      text        NOT NULL,
        name           text        NOT NULL,
        phone_encrypted text,
        phone_masked   text,
        bank_code      text,
        card_hash      text,
        card_encrypted text,
        card_masked    text,
        team           text,
        trade          text,
        entry_date     date        NOT NULL,
        exit_date      date,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        UNIQUE (project_code, id_hash),
        CHECK (exit_date IS NULL OR exit_date >= entry_date)
      )`);
    // The rules engine matches payroll counterparties by card; here it finds cards shared across workers.
    await queryRunner.query(`CREATE INDEX workers_card_hash_idx ON roster.workers (card_hash)`);
    await queryRunner.query(`
      CREATE TABLE roster.attendance (
        project_code  text        NOT NULL REFERENCES roster.projects (code),
        month         text        NOT NULL,
        worker_id     uuid        NOT NULL REFERENCES roster.workers (id),
        days_worked   smallint    NOT NULL CHECK (days_worked BETWEEN 0 AND 31),
        submission_id uuid        NOT NULL,
        reported_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (project_code, month, worker_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE roster.pay_sheets (
        project_code    text        NOT NULL REFERENCES roster.projects (code),
        month           text        NOT NULL,
        submission_id   uuid        NOT NULL,
        lines           int         NOT NULL,
        gross_pay_fen   bigint      NOT NULL,
        net_pay_fen     bigint      NOT NULL,
        submitted_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (project_code, month)
      )`);
    await queryRunner.query(`
      CREATE TABLE roster.pay_sheet_lines (
        project_code  text   NOT NULL,
        month         text   NOT NULL,
        worker_id     uuid   NOT NULL REFERENCES roster.workers (id),
        gross_pay_fen bigint NOT NULL CHECK (gross_pay_fen >= 0),
        net_pay_fen   bigint NOT NULL CHECK (net_pay_fen >= 0 AND net_pay_fen <= gross_pay_fen),
        PRIMARY KEY (project_code, month, worker_id),
        FOREIGN KEY (project_code, month) REFERENCES roster.pay_sheets (project_code, month) ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE roster.pay_sheet_lines`);
    await queryRunner.query(`DROP TABLE roster.pay_sheets`);
    await queryRunner.query(`DROP TABLE roster.attendance`);
    await queryRunner.query(`DROP TABLE roster.workers`);
    await queryRunner.query(`DROP TABLE roster.projects`);
  }
}
