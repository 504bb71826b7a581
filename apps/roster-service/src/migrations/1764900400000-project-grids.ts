import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A project may be placed in a grid of its district: a 街道/乡镇 (9 digits) or 社区/村 (12), or none. */
export class ProjectGrids1764900400000 implements MigrationInterface {
  name = 'ProjectGrids1764900400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE roster.projects ADD COLUMN grid_code text COLLATE "C"`);
    await queryRunner.query(
      `CREATE INDEX projects_grid_code_idx ON roster.projects (grid_code text_pattern_ops) WHERE grid_code IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX roster.projects_grid_code_idx`);
    await queryRunner.query(`ALTER TABLE roster.projects DROP COLUMN grid_code`);
  }
}
