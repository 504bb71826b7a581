import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The official calendars administrators enter (PUT /api/v1/calendar/{year}): every version is kept with who
 * entered it and when, the audit trail of the working days deadlines were computed with; the highest applies.
 */
export class CreateCalendars1764600000100 implements MigrationInterface {
  name = 'CreateCalendars1764600000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rules.calendars (
        year          integer     NOT NULL,
        version       integer     NOT NULL,
        holidays      text[]      NOT NULL,
        working_days  text[]      NOT NULL,
        source        text        NOT NULL,
        entered_by    text        NOT NULL,
        entered_at    timestamptz NOT NULL,
        PRIMARY KEY (year, version)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE rules.calendars`);
  }
}
