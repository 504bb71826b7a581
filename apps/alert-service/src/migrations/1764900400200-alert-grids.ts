import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The grid (街道/乡镇 or 社区/村) of the alert's project, as the rules engine last said. */
export class AlertGrids1764900400200 implements MigrationInterface {
  name = 'AlertGrids1764900400200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE alerts.alerts ADD COLUMN grid_code text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE alerts.alerts DROP COLUMN grid_code`);
  }
}
