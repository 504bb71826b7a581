import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What enforcement-service publishes about employers (by credit code), for the deposit adjustment: findings of
 * unpaid wages (arrears like a raised WAGE_ARREARS), the integrity grade in force, and blacklist listings.
 */
export class EmployerStanding1764800200100 implements MigrationInterface {
  name = 'EmployerStanding1764800200100';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE rules.employer_findings (
         case_id      uuid        PRIMARY KEY,
         credit_code  text        NOT NULL,
         found_at     timestamptz NOT NULL
       )`,
      `CREATE INDEX employer_findings_employer_idx ON rules.employer_findings (credit_code, found_at DESC)`,
      `CREATE TABLE rules.employer_grades (
         credit_code          text        PRIMARY KEY,
         grade                text        NOT NULL CHECK (grade IN ('A', 'B', 'C')),
         year                 integer     NOT NULL,
         unpaid_wages         boolean     NOT NULL,
         consecutive_a_years  integer     NOT NULL,
         assigned_at          timestamptz NOT NULL
       )`,
      `CREATE TABLE rules.employer_listings (
         listing_id    uuid    PRIMARY KEY,
         credit_code   text    NOT NULL,
         decided_on    date    NOT NULL,
         listed_until  date    NOT NULL,
         delisted_on   date
       )`,
      `CREATE INDEX employer_listings_employer_idx ON rules.employer_listings (credit_code)`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['employer_listings', 'employer_grades', 'employer_findings'])
      await queryRunner.query(`DROP TABLE rules.${table}`);
  }
}
