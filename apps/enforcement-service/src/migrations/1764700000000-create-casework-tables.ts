import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA as S } from '../schema';

/**
 * Casework: the projects learnt from project events (region and contractor), complaints, reports and clues with
 * their acceptance clock, cases with their investigation clock, the actions taken on them and the wages recovered.
 * Identity and phone numbers are stored encrypted (with a blind index of the identity number and the masked forms
 * the answers show). Amounts in fen. `region_code` is `COLLATE "C"` so that `LIKE 'prefix%'` is an index range scan.
 */
export class CreateCaseworkTables1764700000000 implements MigrationInterface {
  name = 'CreateCaseworkTables1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE "${S}".projects (
         code                    text        PRIMARY KEY,
         name                    text        NOT NULL,
         region_code             text        COLLATE "C" NOT NULL,
         contractor_name         text        NOT NULL,
         contractor_credit_code  text        NOT NULL,
         updated_at              timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE TABLE "${S}".complaints (
         id                      uuid        PRIMARY KEY,
         kind                    text        NOT NULL CHECK (kind IN ('COMPLAINT', 'REPORT', 'CLUE')),
         status                  text        NOT NULL
                                 CHECK (status IN ('PENDING', 'SUPPLEMENT_REQUESTED', 'ACCEPTED', 'REFUSED')),
         complainant_name        text        NOT NULL,
         complainant_id_enc      text,
         complainant_id_hash     text,
         complainant_id_masked   text,
         complainant_phone_enc   text        NOT NULL,
         complainant_phone_masked text       NOT NULL,
         confidential            boolean     NOT NULL,
         employer_name           text        NOT NULL,
         employer_key            text        NOT NULL,
         employer_credit_code    text,
         employer_address        text,
         project_code            text,
         region_code             text        COLLATE "C" NOT NULL,
         period_from             text        NOT NULL,
         period_to               text        NOT NULL,
         amount_owed_fen         bigint,
         workers_affected        integer,
         description             text        NOT NULL,
         received_at             timestamptz NOT NULL,
         accept_by               date        NOT NULL,
         entered_by              text        NOT NULL,
         duplicate_of            uuid        REFERENCES "${S}".complaints (id),
         decided_at              timestamptz,
         decided_by              text,
         refusal_reason          text,
         redirect_to             text,
         supplement_what         text,
         case_id                 uuid
       )`,
      `CREATE INDEX complaints_region_idx ON "${S}".complaints (region_code, received_at DESC)`,
      // Duplicate clues: the same employer (credit code, else its name) over overlapping periods.
      `CREATE INDEX complaints_employer_idx ON "${S}".complaints (employer_key, period_from, period_to)`,
      `CREATE TABLE "${S}".cases (
         id                      uuid        PRIMARY KEY,
         status                  text        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
         source                  text        NOT NULL CHECK (source IN ('COMPLAINT', 'ALERT', 'INSPECTOR')),
         complaint_id            uuid        UNIQUE REFERENCES "${S}".complaints (id),
         alert_id                uuid        UNIQUE,
         alert_key               text,
         project_code            text,
         region_code             text        COLLATE "C" NOT NULL,
         employer_name           text        NOT NULL,
         employer_credit_code    text,
         summary                 text        NOT NULL,
         evidence                jsonb,
         wages_owed_fen          bigint      NOT NULL DEFAULT 0,
         workers_owed            integer     NOT NULL DEFAULT 0,
         opened_at               timestamptz NOT NULL,
         opened_on               date        NOT NULL,
         opened_by               text        NOT NULL,
         inspectors              text[]      NOT NULL,
         close_by                date        NOT NULL,
         extended                boolean     NOT NULL DEFAULT false,
         closed_at               timestamptz,
         closed_by               text,
         closure_code            text,
         finding                 jsonb,
         closure_summary         text
       )`,
      `CREATE INDEX cases_region_idx ON "${S}".cases (region_code, opened_at DESC)`,
      `CREATE INDEX cases_open_idx ON "${S}".cases (close_by) WHERE status = 'OPEN'`,
      `CREATE TABLE "${S}".case_actions (
         id            uuid        PRIMARY KEY,
         case_id       uuid        NOT NULL REFERENCES "${S}".cases (id),
         kind          text        NOT NULL,
         at            timestamptz NOT NULL,
         actor         text        NOT NULL,
         note          text        NOT NULL,
         deadline      date,
         amount_fen    bigint,
         article       text,
         document_no   text,
         recorded_at   timestamptz NOT NULL
       )`,
      `CREATE INDEX case_actions_case_idx ON "${S}".case_actions (case_id, at)`,
      // One extension per case, enforced by the database as well as by the use case.
      `CREATE UNIQUE INDEX case_actions_one_extension ON "${S}".case_actions (case_id) WHERE kind = 'EXTENSION'`,
      `CREATE TABLE "${S}".recoveries (
         id            uuid        PRIMARY KEY,
         case_id       uuid        NOT NULL REFERENCES "${S}".cases (id),
         amount_fen    bigint      NOT NULL CHECK (amount_fen > 0),
         workers       integer     NOT NULL CHECK (workers > 0),
         paid_on       date        NOT NULL,
         note          text,
         actor         text        NOT NULL,
         recorded_at   timestamptz NOT NULL
       )`,
      `CREATE INDEX recoveries_case_idx ON "${S}".recoveries (case_id, paid_on)`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['recoveries', 'case_actions', 'cases', 'complaints', 'projects'])
      await queryRunner.query(`DROP TABLE "${S}".${table}`);
  }
}
