import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pay-sheet revisions (更正) awaiting an inspector, from PaySheetRevisionSubmitted and PaySheetRevisionDecided:
 * the payment rules keep judging the sheet in force, and name the pending revision in their evidence.
 */
export class PaySheetRevisions1764800000100 implements MigrationInterface {
  name = 'PaySheetRevisions1764800000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rules.pay_sheet_revisions (
        revision_id      uuid        PRIMARY KEY,
        project_code     text        NOT NULL,
        month            text        NOT NULL,
        submitted_at     timestamptz NOT NULL,
        deadline         date        NOT NULL,
        totals           jsonb       NOT NULL,
        original_totals  jsonb       NOT NULL,
        lines_lowered    int         NOT NULL,
        workers_dropped  int         NOT NULL,
        lowered          jsonb       NOT NULL,
        decision         text,
        decided_by       text,
        decided_at       timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX pay_sheet_revisions_month_idx ON rules.pay_sheet_revisions (project_code, month)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE rules.pay_sheet_revisions`);
  }
}
