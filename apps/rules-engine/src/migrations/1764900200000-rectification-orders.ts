import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rectification orders of casework (enforcement-service's RectificationOrdered), for RECTIFICATION_OVERDUE: one row
 * per order and month it is about, with its deadline and the rule codes whose findings are the violation it ordered ended.
 */
export class RectificationOrders1764900200000 implements MigrationInterface {
  name = 'RectificationOrders1764900200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rules.rectification_orders (
        action_id      uuid        NOT NULL,
        case_id        uuid        NOT NULL,
        project_code   text        NOT NULL,
        month          text        NOT NULL,
        deadline       date        NOT NULL,
        violations     text[]      NOT NULL,
        orders_payment boolean     NOT NULL,
        amount_fen     bigint,
        document_no    text,
        ordered_at     timestamptz NOT NULL,
        PRIMARY KEY (action_id, month)
      )`);
    await queryRunner.query(
      `CREATE INDEX rectification_orders_month_idx ON rules.rectification_orders (project_code, month)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE rules.rectification_orders`);
  }
}
