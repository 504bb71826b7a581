import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA as S } from '../schema';

/** How far the bank has stated each account's feed complete; null until it first does. */
export class StatementThrough1764300000001 implements MigrationInterface {
  name = 'StatementThrough1764300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${S}".wage_accounts ADD COLUMN statement_through timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${S}".wage_accounts DROP COLUMN statement_through`);
  }
}
