import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The engine's read model of projects, rolls, attendance, pay sheets, accounts, transactions and deposits (built
 * from events; identity and card numbers only as blind index and masked form), the alerts it has raised, and the
 * regional rule overrides.
 */
export class CreateReadModel1763900000000 implements MigrationInterface {
  name = 'CreateReadModel1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE rules.projects (
         code                   text        PRIMARY KEY,
         name                   text        NOT NULL,
         region_code            text        NOT NULL,
         contractor_credit_code text        NOT NULL,
         contract_amount_fen    bigint      NOT NULL,
         start_date             date        NOT NULL,
         payday                 smallint    NOT NULL,
         registered_at          timestamptz NOT NULL
       )`,
      `CREATE INDEX projects_contractor_idx ON rules.projects (contractor_credit_code)`,
      // The status history suppression reads: the registered status from the start date, then each change.
      `CREATE TABLE rules.project_status_changes (
         project_code   text NOT NULL,
         effective_date date NOT NULL,
         status         text NOT NULL,
         recorded_at    timestamptz NOT NULL,
         PRIMARY KEY (project_code, effective_date, status)
       )`,
      `CREATE TABLE rules.workers (
         worker_id    uuid PRIMARY KEY,
         project_code text NOT NULL,
         id_hash      text NOT NULL,
         id_masked    text NOT NULL,
         name         text NOT NULL,
         card_hash    text,
         card_masked  text,
         entry_date   date NOT NULL,
         exit_date    date
       )`,
      `CREATE INDEX workers_project_idx ON rules.workers (project_code, id_hash)`,
      `CREATE INDEX workers_card_idx ON rules.workers (card_hash) WHERE card_hash IS NOT NULL`,
      `CREATE TABLE rules.attendance (
         project_code text     NOT NULL,
         month        text     NOT NULL,
         worker_id    uuid     NOT NULL,
         id_hash      text     NOT NULL,
         days_worked  smallint NOT NULL,
         PRIMARY KEY (project_code, month, worker_id)
       )`,
      `CREATE TABLE rules.attendance_months (
         project_code      text        NOT NULL,
         month             text        NOT NULL,
         first_reported_at timestamptz NOT NULL,
         PRIMARY KEY (project_code, month)
       )`,
      // Pay sheets arrive in parts; a submission counts once all its parts are here, the latest complete one wins.
      `CREATE TABLE rules.pay_sheet_submissions (
         submission_id uuid        PRIMARY KEY,
         project_code  text        NOT NULL,
         month         text        NOT NULL,
         parts         int         NOT NULL,
         submitted_at  timestamptz NOT NULL
       )`,
      `CREATE TABLE rules.pay_sheet_parts (
         submission_id uuid NOT NULL,
         part          int  NOT NULL,
         PRIMARY KEY (submission_id, part)
       )`,
      `CREATE TABLE rules.pay_sheet_lines (
         submission_id uuid   NOT NULL,
         worker_id     uuid   NOT NULL,
         id_hash       text   NOT NULL,
         gross_pay_fen bigint NOT NULL,
         net_pay_fen   bigint NOT NULL,
         PRIMARY KEY (submission_id, worker_id)
       )`,
      `CREATE TABLE rules.pay_sheets (
         project_code       text        NOT NULL,
         month              text        NOT NULL,
         submission_id      uuid        NOT NULL,
         submitted_at       timestamptz NOT NULL,
         first_submitted_at timestamptz NOT NULL,
         PRIMARY KEY (project_code, month)
       )`,
      `CREATE TABLE rules.accounts (
         account_number text PRIMARY KEY,
         project_code   text NOT NULL,
         bank_code      text NOT NULL,
         opened_on      date NOT NULL
       )`,
      `CREATE INDEX accounts_project_idx ON rules.accounts (project_code)`,
      `CREATE TABLE rules.transactions (
         account_number     text        NOT NULL,
         serial_no          text        NOT NULL,
         project_code       text        NOT NULL,
         occurred_at        timestamptz NOT NULL,
         direction          text        NOT NULL,
         kind               text        NOT NULL,
         amount_fen         bigint      NOT NULL,
         payroll_month      text,
         counterparty_name  text        NOT NULL,
         counterparty_account_hash   text NOT NULL,
         counterparty_account_masked text NOT NULL,
         counterparty_id_hash   text,
         counterparty_id_masked text,
         PRIMARY KEY (account_number, serial_no)
       )`,
      `CREATE INDEX transactions_project_idx ON rules.transactions (project_code, occurred_at)`,
      `CREATE TABLE rules.deposits (
         deposit_id   uuid   PRIMARY KEY,
         project_code text   NOT NULL,
         form         text   NOT NULL,
         amount_fen   bigint NOT NULL,
         effective_on date   NOT NULL,
         expires_on   date,
         reference    text
       )`,
      `CREATE INDEX deposits_project_idx ON rules.deposits (project_code)`,
      // A movement has no id of its own: the id of the event that carried it keeps a redelivery from counting twice.
      `CREATE TABLE rules.deposit_movements (
         event_id    uuid        PRIMARY KEY,
         deposit_id  uuid        NOT NULL,
         kind        text        NOT NULL,
         amount_fen  bigint      NOT NULL,
         occurred_at timestamptz NOT NULL
       )`,
      `CREATE INDEX deposit_movements_deposit_idx ON rules.deposit_movements (deposit_id)`,
      // One row per alert key: what the engine last published, so re-evaluation publishes only changes.
      `CREATE TABLE rules.alerts (
         alert_key     text        PRIMARY KEY,
         code          text        NOT NULL,
         project_code  text        NOT NULL,
         month         text,
         severity      text        NOT NULL,
         status        text        NOT NULL CHECK (status IN ('OPEN', 'CLEARED')),
         evidence_hash text        NOT NULL,
         evidence      jsonb       NOT NULL,
         title         text        NOT NULL,
         raised_at     timestamptz NOT NULL,
         updated_at    timestamptz NOT NULL,
         cleared_at    timestamptz
       )`,
      `CREATE INDEX alerts_project_idx ON rules.alerts (project_code, code)`,
      `CREATE TABLE rules.alert_suppressions (
         alert_key      text        NOT NULL,
         project_status text        NOT NULL,
         recorded_at    timestamptz NOT NULL,
         PRIMARY KEY (alert_key, project_status)
       )`,
      `CREATE TABLE rules.assessments (
         project_code text NOT NULL,
         month        text NOT NULL,
         facts_hash   text NOT NULL,
         evaluated_at timestamptz NOT NULL,
         PRIMARY KEY (project_code, month)
       )`,
      // Project-months whose facts changed; drained by the evaluation worker once the consuming transaction commits.
      `CREATE TABLE rules.pending_evaluations (
         project_code text        NOT NULL,
         month        text        NOT NULL,
         queued_at    timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (project_code, month)
       )`,
      // rule_code '' applies to every rule with a parameter of that name.
      `CREATE TABLE rules.rule_overrides (
         region_code    text        NOT NULL,
         rule_code      text        NOT NULL,
         name           text        NOT NULL,
         effective_from date        NOT NULL,
         value          bigint,
         set_at         timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (region_code, rule_code, name, effective_from)
       )`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'rule_overrides',
      'pending_evaluations',
      'assessments',
      'alert_suppressions',
      'alerts',
      'deposit_movements',
      'deposits',
      'transactions',
      'accounts',
      'pay_sheets',
      'pay_sheet_lines',
      'pay_sheet_parts',
      'pay_sheet_submissions',
      'attendance_months',
      'attendance',
      'workers',
      'project_status_changes',
      'projects',
    ]) {
      await queryRunner.query(`DROP TABLE rules.${table}`);
    }
  }
}
