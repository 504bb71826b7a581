import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA as S } from '../schema';

/**
 * The severity a person resolved a case at: while the data show the same condition it stays resolved, and only a
 * rise above that severity reopens it.
 */
export class ResolvedSeverity1764300100000 implements MigrationInterface {
  name = 'ResolvedSeverity1764300100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "${S}".alerts ADD COLUMN resolved_severity text
         CHECK (resolved_severity IN ('BLUE', 'YELLOW', 'ORANGE', 'RED'))`,
    );
    // Cases resolved before it was kept: their current severity is the best knowledge of what the inspector saw.
    await queryRunner.query(
      `UPDATE "${S}".alerts SET resolved_severity = severity WHERE status = 'RESOLVED'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${S}".alerts DROP COLUMN resolved_severity`);
  }
}
