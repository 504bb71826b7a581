import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * allSystems counted only the projects to which all five metrics applied, so a project in construction without
 * a worker due wages (no roll, no account) raised the share instead of failing it. It now counts over every
 * project in construction; the stored aggregates are recomputed from the project-months under the new rule.
 */
export class AllSystemsOverEveryProject1764600000000 implements MigrationInterface {
  name = 'AllSystemsOverEveryProject1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.recompute(
      queryRunner,
      `in_construction AND real_name AND wage_account AND deposit
         AND bank_payroll IS NOT FALSE AND monthly_full_payment IS NOT FALSE`,
      'in_construction',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.recompute(
      queryRunner,
      'real_name AND wage_account AND deposit AND bank_payroll AND monthly_full_payment',
      `real_name IS NOT NULL AND wage_account IS NOT NULL AND deposit IS NOT NULL
         AND bank_payroll IS NOT NULL AND monthly_full_payment IS NOT NULL`,
    );
  }

  private async recompute(queryRunner: QueryRunner, passed: string, applies: string): Promise<void> {
    await queryRunner.query(`
      UPDATE reports.coverage_by_region_month c
      SET all_systems_count = s.passed, all_systems_of = s.applies
      FROM (
        SELECT month, region_code,
          count(*) FILTER (WHERE ${passed})::int AS passed, count(*) FILTER (WHERE ${applies})::int AS applies
        FROM reports.project_months GROUP BY month, region_code
      ) s
      WHERE c.month = s.month AND c.region_code = s.region_code`);
  }
}
