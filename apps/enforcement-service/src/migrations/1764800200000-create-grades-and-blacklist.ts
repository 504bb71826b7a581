import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA as S } from '../schema';

/**
 * Integrity grades (one row per grade given: the annual run of a year, or a downgrade on a new finding) and the
 * blacklist procedure (notice, statement, decision, removal) with the persons named and an audit of each step.
 * Persons' identity numbers are stored encrypted, with a blind index and the masked form.
 */
export class CreateGradesAndBlacklist1764800200000 implements MigrationInterface {
  name = 'CreateGradesAndBlacklist1764800200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE "${S}".employer_grades (
         id                  uuid        PRIMARY KEY,
         credit_code         text        NOT NULL,
         employer_name       text        NOT NULL,
         year                integer     NOT NULL,
         grade               text        NOT NULL CHECK (grade IN ('A', 'B', 'C')),
         kind                text        NOT NULL CHECK (kind IN ('ANNUAL', 'DOWNGRADE')),
         criteria            text[]      NOT NULL,
         findings            uuid[]      NOT NULL,
         unpaid_wages        boolean     NOT NULL,
         consecutive_a_years integer     NOT NULL,
         region_code         text        COLLATE "C",
         assigned_at         timestamptz NOT NULL,
         assigned_by         text        NOT NULL
       )`,
      // The annual run of a year, run again on demand, replaces that year's annual grade.
      `CREATE UNIQUE INDEX employer_grades_annual ON "${S}".employer_grades (credit_code, year) WHERE kind = 'ANNUAL'`,
      `CREATE INDEX employer_grades_employer_idx ON "${S}".employer_grades (credit_code, assigned_at DESC)`,
      `CREATE INDEX employer_grades_year_idx ON "${S}".employer_grades (year, grade)`,
      `CREATE INDEX cases_employer_idx ON "${S}".cases (employer_credit_code) WHERE status = 'CLOSED'`,
      `CREATE INDEX projects_contractor_idx ON "${S}".projects (contractor_credit_code)`,
      `CREATE TABLE "${S}".blacklist_procedures (
         id                  uuid        PRIMARY KEY,
         status              text        NOT NULL
                             CHECK (status IN ('NOTIFIED', 'LISTED', 'NOT_LISTED', 'ENDED_BY_PAYMENT', 'REMOVED')),
         credit_code         text        NOT NULL,
         employer_name       text        NOT NULL,
         case_id             uuid        NOT NULL REFERENCES "${S}".cases (id),
         region_code         text        COLLATE "C" NOT NULL,
         reason              text        NOT NULL,
         notified_at         timestamptz NOT NULL,
         notice_on           date        NOT NULL,
         statement_by        date        NOT NULL,
         notified_by         text        NOT NULL,
         statement_text      text,
         statement_at        timestamptz,
         decided_at          timestamptz,
         decided_on          date,
         decided_by          text,
         listed_until        date,
         removed_at          timestamptz,
         removed_on          date,
         removed_by          text,
         pledge_reference    text
       )`,
      // One procedure in progress or listing in force per employer and case.
      `CREATE UNIQUE INDEX blacklist_one_open ON "${S}".blacklist_procedures (credit_code, case_id)
         WHERE status IN ('NOTIFIED', 'LISTED')`,
      `CREATE INDEX blacklist_listed_idx ON "${S}".blacklist_procedures (decided_on DESC) WHERE status = 'LISTED'`,
      `CREATE INDEX blacklist_employer_idx ON "${S}".blacklist_procedures (credit_code)`,
      `CREATE TABLE "${S}".blacklist_persons (
         id                  uuid        PRIMARY KEY,
         procedure_id        uuid        NOT NULL REFERENCES "${S}".blacklist_procedures (id),
         position            integer     NOT NULL,
         name                text        NOT NULL,
         name_masked         text        NOT NULL,
         role                text        NOT NULL,
         id_enc              text        NOT NULL,
         id_hash             text        NOT NULL,
         id_masked           text        NOT NULL
       )`,
      `CREATE INDEX blacklist_persons_procedure_idx ON "${S}".blacklist_persons (procedure_id, position)`,
      `CREATE TABLE "${S}".blacklist_audit (
         id                  bigserial   PRIMARY KEY,
         procedure_id        uuid        NOT NULL REFERENCES "${S}".blacklist_procedures (id),
         step                text        NOT NULL,
         at                  timestamptz NOT NULL,
         actor               text        NOT NULL,
         detail              jsonb       NOT NULL
       )`,
      `CREATE INDEX blacklist_audit_procedure_idx ON "${S}".blacklist_audit (procedure_id, at)`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['blacklist_audit', 'blacklist_persons', 'blacklist_procedures', 'employer_grades'])
      await queryRunner.query(`DROP TABLE "${S}".${table}`);
    await queryRunner.query(`DROP INDEX "${S}".cases_employer_idx`);
    await queryRunner.query(`DROP INDEX "${S}".projects_contractor_idx`);
  }
}
