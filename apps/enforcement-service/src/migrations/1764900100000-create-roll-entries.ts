import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA as S } from '../schema';

/**
 * The workers' channel in casework: a copy of the real-name rolls as roster-service's events carry them (blind
 * index, masked identity number and name: never the number), so a worker's arrears clue names its complainant and
 * project from the roll; and the index a worker's own clues are read by.
 */
export class CreateRollEntries1764900100000 implements MigrationInterface {
  name = 'CreateRollEntries1764900100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "${S}".roll_entries (
         worker_id     uuid        PRIMARY KEY,
         project_code  text        NOT NULL,
         id_hash       text        NOT NULL,
         id_masked     text        NOT NULL,
         name          text        NOT NULL,
         exit_date     date,
         updated_at    timestamptz NOT NULL DEFAULT now()
       )`,
    );
    await queryRunner.query(
      `CREATE INDEX roll_entries_person_idx ON "${S}".roll_entries (id_hash, project_code)`,
    );
    await queryRunner.query(
      `CREATE INDEX complaints_complainant_idx ON "${S}".complaints (complainant_id_hash, received_at DESC)
         WHERE complainant_id_hash IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "${S}".complaints_complainant_idx`);
    await queryRunner.query(`DROP TABLE "${S}".roll_entries`);
  }
}
