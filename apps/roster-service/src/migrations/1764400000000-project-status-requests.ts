import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The monitored party never certifies itself: a project's status change is a request (project_status_requests)
 * that an inspector or administrator approves or rejects. A change dated ahead stays scheduled, with the status
 * in force until then kept beside it (previous_status), so that the project shows what holds today and an
 * administrator can correct the scheduled change.
 */
export class ProjectStatusRequests1764400000000 implements MigrationInterface {
  name = 'ProjectStatusRequests1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [
      `ALTER TABLE roster.projects ADD COLUMN previous_status text,
         ADD COLUMN previous_status_effective_date date`,
      `CREATE TABLE roster.project_status_requests (
         id              uuid        PRIMARY KEY,
         project_code    text        NOT NULL REFERENCES roster.projects (code),
         status          text        NOT NULL,
         effective_date  date        NOT NULL,
         reason          text,
         requested_by    text        NOT NULL,
         requested_at    timestamptz NOT NULL DEFAULT now(),
         decision        text        CHECK (decision IN ('APPROVED', 'REJECTED')),
         decided_by      text,
         decided_at      timestamptz,
         note            text,
         CHECK ((decision IS NULL) = (decided_at IS NULL))
       )`,
      `CREATE INDEX project_status_requests_project_idx
         ON roster.project_status_requests (project_code, requested_at)`,
    ]) {
      await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE roster.project_status_requests`);
    await queryRunner.query(
      `ALTER TABLE roster.projects DROP COLUMN previous_status, DROP COLUMN previous_status_effective_date`,
    );
  }
}
