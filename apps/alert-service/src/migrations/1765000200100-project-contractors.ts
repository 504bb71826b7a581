import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA as S } from '../schema';

/**
 * The contractor's (施工总承包单位) credit code of each known project, from ProjectRegistered: an alert names its
 * employer (`employerCreditCode`) so the console links to the employer's record. Null for a project learnt before
 * this column.
 */
export class ProjectContractors1765000200100 implements MigrationInterface {
  name = 'ProjectContractors1765000200100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${S}".projects ADD COLUMN contractor_credit_code text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${S}".projects DROP COLUMN contractor_credit_code`);
  }
}
