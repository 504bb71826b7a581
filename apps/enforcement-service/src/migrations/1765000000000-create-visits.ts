import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA as S } from '../schema';

/**
 * Grid visits (走访核实): the projects' grid and status as the project events tell them (visit plans list the
 * projects in construction in a grid), the site visits grid assistants and inspectors record, what each verifies,
 * and their photos, kept in PostgreSQL (bytea) so that replicas need no shared volume.
 */
export class CreateVisits1765000000000 implements MigrationInterface {
  name = 'CreateVisits1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE "${S}".projects ADD COLUMN grid_code text COLLATE "C", ADD COLUMN status text`,
      `CREATE INDEX projects_grid_idx ON "${S}".projects (grid_code) WHERE grid_code IS NOT NULL`,
      `CREATE TABLE "${S}".visits (
         id                  uuid        PRIMARY KEY,
         project_code        text        NOT NULL,
         grid_code           text        COLLATE "C",
         region_code         text        COLLATE "C" NOT NULL,
         at                  timestamptz NOT NULL,
         findings            text        NOT NULL,
         recorded_by         text        NOT NULL,
         recorder_role       text        NOT NULL,
         recorded_at         timestamptz NOT NULL,
         verifies_subject    text        CHECK (verifies_subject IN ('ALERT', 'COMPLAINT')),
         alert_id            uuid,
         alert_key           text,
         complaint_id        uuid,
         result              text        CHECK (result IN ('CONFIRMED', 'NOT_CONFIRMED', 'CORRECTED')),
         CHECK ((verifies_subject IS NULL) = (result IS NULL))
       )`,
      `CREATE INDEX visits_grid_idx ON "${S}".visits (grid_code, at DESC)`,
      `CREATE INDEX visits_region_idx ON "${S}".visits (region_code, at DESC)`,
      `CREATE INDEX visits_project_idx ON "${S}".visits (project_code, at DESC)`,
      `CREATE INDEX visits_complaint_idx ON "${S}".visits (complaint_id) WHERE complaint_id IS NOT NULL`,
      `CREATE TABLE "${S}".visit_photos (
         id                  uuid        PRIMARY KEY,
         visit_id            uuid        NOT NULL REFERENCES "${S}".visits (id),
         name                text        NOT NULL,
         content_type        text        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
         size                integer     NOT NULL,
         content             bytea       NOT NULL,
         uploaded_at         timestamptz NOT NULL
       )`,
      `CREATE INDEX visit_photos_visit_idx ON "${S}".visit_photos (visit_id, uploaded_at)`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${S}".visit_photos`);
    await queryRunner.query(`DROP TABLE "${S}".visits`);
    await queryRunner.query(`DROP INDEX "${S}".projects_grid_idx`);
    await queryRunner.query(`ALTER TABLE "${S}".projects DROP COLUMN grid_code, DROP COLUMN status`);
  }
}
