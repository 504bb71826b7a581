import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Workers' confirmations and disputes of their pay (roster-service's WorkerMonthAnswered): the latest answer of each
 * worker per project-month, masked, for WORKER_PAY_DISPUTED.
 */
export class WorkerMonthAnswers1764800300100 implements MigrationInterface {
  name = 'WorkerMonthAnswers1764800300100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rules.worker_month_answers (
        project_code text        NOT NULL,
        month        text        NOT NULL,
        worker_id    uuid        NOT NULL,
        id_hash      text        NOT NULL,
        id_masked    text        NOT NULL,
        name_masked  text        NOT NULL,
        result       text        NOT NULL,
        reason       text,
        answered_at  timestamptz NOT NULL,
        PRIMARY KEY (project_code, month, worker_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE rules.worker_month_answers`);
  }
}
