import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The monitored party never certifies itself: a pay sheet sent after the month's wage deadline that lowers a
 * worker's net pay or drops a worker is kept as a revision (更正) beside the sheet in force, which still counts,
 * until an inspector of the region or an administrator accepts or rejects it. Each revision line holds the
 * worker's amounts on the sheet it revises and on the revision (null where the worker is on only one of them),
 * so that what a decision replaced is kept after it.
 */
export class PaySheetRevisions1764800000000 implements MigrationInterface {
  name = 'PaySheetRevisions1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [
      `CREATE TABLE roster.pay_sheet_revisions (
         id                      uuid        PRIMARY KEY,
         project_code            text        NOT NULL REFERENCES roster.projects (code),
         month                   text        NOT NULL,
         revises_submission_id   uuid        NOT NULL,
         submission_id           uuid        NOT NULL UNIQUE,
         deadline                date        NOT NULL,
         lines                   int         NOT NULL,
         gross_pay_fen           bigint      NOT NULL,
         net_pay_fen             bigint      NOT NULL,
         original_lines          int         NOT NULL,
         original_gross_pay_fen  bigint      NOT NULL,
         original_net_pay_fen    bigint      NOT NULL,
         submitted_by            text        NOT NULL,
         submitted_at            timestamptz NOT NULL,
         status                  text        NOT NULL DEFAULT 'PENDING'
                                 CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED', 'SUPERSEDED')),
         decided_by              text,
         decided_at              timestamptz,
         reason                  text,
         CHECK ((status = 'PENDING') = (decided_at IS NULL))
       )`,
      `CREATE INDEX pay_sheet_revisions_month_idx
         ON roster.pay_sheet_revisions (project_code, month, submitted_at)`,
      `CREATE TABLE roster.pay_sheet_revision_lines (
         revision_id             uuid   NOT NULL REFERENCES roster.pay_sheet_revisions (id) ON DELETE CASCADE,
         worker_id               uuid   NOT NULL REFERENCES roster.workers (id),
         original_gross_pay_fen  bigint,
         original_net_pay_fen    bigint,
         gross_pay_fen           bigint,
         net_pay_fen             bigint,
         PRIMARY KEY (revision_id, worker_id),
         CHECK ((original_gross_pay_fen IS NULL) = (original_net_pay_fen IS NULL)),
         CHECK ((gross_pay_fen IS NULL) = (net_pay_fen IS NULL)),
         CHECK (original_net_pay_fen IS NOT NULL OR net_pay_fen IS NOT NULL)
       )`,
    ]) {
      await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE roster.pay_sheet_revision_lines`);
    await queryRunner.query(`DROP TABLE roster.pay_sheet_revisions`);
  }
}
