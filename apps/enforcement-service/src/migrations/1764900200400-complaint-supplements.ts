import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA as S } from '../schema';

/** The supplement a complaint sent back (待补正) received, and when: its acceptance clock counts again from then. */
export class ComplaintSupplements1764900200400 implements MigrationInterface {
  name = 'ComplaintSupplements1764900200400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "${S}".complaints ADD COLUMN supplement_text text, ADD COLUMN supplement_received_at timestamptz`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "${S}".complaints DROP COLUMN supplement_text, DROP COLUMN supplement_received_at`,
    );
  }
}
