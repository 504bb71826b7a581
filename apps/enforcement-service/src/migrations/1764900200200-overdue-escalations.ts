import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA as S } from '../schema';

/** Which limit of a case was last escalated as overdue (CaseOverdue), so each limit is escalated once. */
export class OverdueEscalations1764900200200 implements MigrationInterface {
  name = 'OverdueEscalations1764900200200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "${S}".cases ADD COLUMN overdue_escalated_close_by date, ADD COLUMN overdue_escalated_at timestamptz`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "${S}".cases DROP COLUMN overdue_escalated_close_by, DROP COLUMN overdue_escalated_at`,
    );
  }
}
