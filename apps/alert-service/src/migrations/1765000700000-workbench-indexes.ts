import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA as S } from '../schema';

/**
 * The workbench's list over a province's years of alerts (a million rows) reads a page, not the table:
 * - the open alerts in the inspectors' order (most severe, then longest raised): walked in order, stopping at the page;
 * - every alert newest first, likewise;
 * - the caseload counts (待签收, 处理中, 已超时) of a region from the index alone.
 * The urgency expression is the one `ORDER BY` uses in alert.repository.ts, letter for letter.
 */
export class WorkbenchIndexes1765000700000 implements MigrationInterface {
  name = 'WorkbenchIndexes1765000700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX alerts_open_urgency_idx ON "${S}".alerts
         ((CASE severity WHEN 'RED' THEN 0 WHEN 'ORANGE' THEN 1 WHEN 'YELLOW' THEN 2 ELSE 3 END), raised_at, id)
         WHERE status IN ('OPEN', 'ACKNOWLEDGED')`,
    );
    await queryRunner.query(`CREATE INDEX alerts_recent_idx ON "${S}".alerts (raised_at DESC, id)`);
    await queryRunner.query(
      `CREATE INDEX alerts_caseload_idx ON "${S}".alerts (region_code)
         INCLUDE (grid_code, status, severity, severity_since) WHERE status IN ('OPEN', 'ACKNOWLEDGED')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "${S}".alerts_caseload_idx`);
    await queryRunner.query(`DROP INDEX "${S}".alerts_recent_idx`);
    await queryRunner.query(`DROP INDEX "${S}".alerts_open_urgency_idx`);
  }
}
