import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Grid assistants (协管员) are users too, each of one grid (a 9- or 12-digit region code). */
export class GridAssistants1764900400300 implements MigrationInterface {
  name = 'GridAssistants1764900400300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE alerts.users DROP CONSTRAINT users_role_check`);
    await queryRunner.query(
      `ALTER TABLE alerts.users ADD CONSTRAINT users_role_check
         CHECK (role IN ('INSPECTOR', 'LEADER', 'ADMIN', 'GRID_ASSISTANT'))`,
    );
    await queryRunner.query(
      `ALTER TABLE alerts.users ADD CONSTRAINT users_grid_assistant_in_grid
         CHECK (role <> 'GRID_ASSISTANT' OR length(region_code) IN (9, 12))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE alerts.users DROP CONSTRAINT users_grid_assistant_in_grid`);
    await queryRunner.query(`ALTER TABLE alerts.users DROP CONSTRAINT users_role_check`);
    await queryRunner.query(
      `ALTER TABLE alerts.users ADD CONSTRAINT users_role_check CHECK (role IN ('INSPECTOR', 'LEADER', 'ADMIN'))`,
    );
  }
}
