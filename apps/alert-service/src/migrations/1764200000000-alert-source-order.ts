import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA as S } from '../schema';

/**
 * When the rules engine recorded the last event applied to a case. Events are ordered by it rather than by the
 * time they describe: an evaluation `asOf` an earlier instant describes an earlier time, yet is the newer word.
 */
export class AlertSourceOrder1764200000000 implements MigrationInterface {
  name = 'AlertSourceOrder1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${S}".alerts ADD COLUMN source_recorded_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${S}".alerts DROP COLUMN source_recorded_at`);
  }
}
