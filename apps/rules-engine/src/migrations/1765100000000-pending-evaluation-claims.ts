import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A queued project-month is claimed by the instance evaluating it until `claimed_until`, instead of being held
 * locked for the whole evaluation: a consumer queuing it again no longer waits for that evaluation to end.
 */
export class PendingEvaluationClaims1765100000000 implements MigrationInterface {
  name = 'PendingEvaluationClaims1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE rules.pending_evaluations ADD COLUMN claimed_until timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE rules.pending_evaluations DROP COLUMN claimed_until`);
  }
}
