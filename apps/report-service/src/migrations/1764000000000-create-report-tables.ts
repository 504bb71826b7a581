import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read model (one row per project-month assessment, one per alert) and the pre-aggregated tables the
 * queries answer from. Aggregates are kept per exact region code (the project's district) and month; a city or
 * province sums the rows whose code starts with its prefix. `region_code` is `COLLATE "C"` so that the
 * `LIKE 'prefix%'` of those sums is an index range scan.
 */
export class CreateReportTables1764000000000 implements MigrationInterface {
  name = 'CreateReportTables1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reports.project_months (
        project_code          text        NOT NULL,
        month                 text        NOT NULL,
        region_code           text        COLLATE "C" NOT NULL,
        in_construction       boolean     NOT NULL,
        real_name             boolean,
        wage_account          boolean,
        deposit               boolean,
        bank_payroll          boolean,
        monthly_full_payment  boolean,
        workers_due           integer     NOT NULL,
        workers_paid_in_full  integer     NOT NULL,
        amount_due_fen        bigint      NOT NULL,
        amount_paid_fen       bigint      NOT NULL,
        evaluated_at          timestamptz NOT NULL,
        PRIMARY KEY (project_code, month)
      )`);
    await queryRunner.query(
      `CREATE INDEX project_months_bucket_idx ON reports.project_months (region_code, month)`,
    );
    // For each metric: how many projects count (`*_count`) out of how many it applies to (`*_of`).
    await queryRunner.query(`
      CREATE TABLE reports.coverage_by_region_month (
        month                       text    NOT NULL,
        region_code                 text    COLLATE "C" NOT NULL,
        projects_in_construction    integer NOT NULL,
        real_name_count             integer NOT NULL,
        real_name_of                integer NOT NULL,
        wage_account_count          integer NOT NULL,
        wage_account_of             integer NOT NULL,
        deposit_count               integer NOT NULL,
        deposit_of                  integer NOT NULL,
        bank_payroll_count          integer NOT NULL,
        bank_payroll_of             integer NOT NULL,
        monthly_full_payment_count  integer NOT NULL,
        monthly_full_payment_of     integer NOT NULL,
        all_systems_count           integer NOT NULL,
        all_systems_of              integer NOT NULL,
        PRIMARY KEY (month, region_code)
      )`);
    await queryRunner.query(`
      CREATE TABLE reports.alerts (
        alert_key               text        PRIMARY KEY,
        code                    text        NOT NULL,
        severity                text        NOT NULL,
        project_code            text        NOT NULL,
        region_code             text        COLLATE "C" NOT NULL,
        month                   text        NOT NULL,
        open                    boolean     NOT NULL,
        workers_affected        integer     NOT NULL,
        amount_outstanding_fen  bigint      NOT NULL,
        last_event_at           timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX alerts_bucket_idx ON reports.alerts (region_code, month) WHERE open`,
    );
    // month '' holds the alerts that concern no month (e.g. NO_WAGE_ACCOUNT, SHARED_BANK_CARD).
    await queryRunner.query(`
      CREATE TABLE reports.arrears_by_region_month (
        month                   text    NOT NULL,
        region_code             text    COLLATE "C" NOT NULL,
        code                    text    NOT NULL,
        severity                text    NOT NULL,
        open_alerts             integer NOT NULL,
        workers_affected        integer NOT NULL,
        amount_outstanding_fen  bigint  NOT NULL,
        PRIMARY KEY (month, region_code, code, severity)
      )`);
    await queryRunner.query(
      `CREATE INDEX arrears_by_region_idx ON reports.arrears_by_region_month (region_code)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE reports.arrears_by_region_month`);
    await queryRunner.query(`DROP TABLE reports.alerts`);
    await queryRunner.query(`DROP TABLE reports.coverage_by_region_month`);
    await queryRunner.query(`DROP TABLE reports.project_months`);
  }
}
