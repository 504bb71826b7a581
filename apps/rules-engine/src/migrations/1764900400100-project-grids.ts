import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The grid (街道/乡镇 or 社区/村) a project is placed in, carried on its alerts and assessments. */
export class ProjectGrids1764900400100 implements MigrationInterface {
  name = 'ProjectGrids1764900400100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE rules.projects ADD COLUMN grid_code text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE rules.projects DROP COLUMN grid_code`);
  }
}
