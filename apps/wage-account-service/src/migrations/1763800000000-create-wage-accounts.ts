import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCHEMA as S } from '../schema';

/**
 * Banks, the projects learnt from roster-service's events, dedicated wage accounts (专户) with their transactions,
 * and wage guarantee deposits (工资保证金) with their movements. Counterparty card and identity numbers are held only
 * encrypted, next to their blind index and masked form.
 */
export class CreateWageAccounts1763800000000 implements MigrationInterface {
  name = 'CreateWageAccounts1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE "${S}".banks (
         code         text        PRIMARY KEY,
         name         text        NOT NULL,
         api_key_hash text        NOT NULL UNIQUE,
         created_at   timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE TABLE "${S}".projects (
         code         text        PRIMARY KEY,
         region_code  text        NOT NULL,
         api_key_hash text        NOT NULL UNIQUE,
         status       text        NOT NULL,
         updated_at   timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE TABLE "${S}".wage_accounts (
         account_number text        PRIMARY KEY,
         project_code   text        NOT NULL REFERENCES "${S}".projects (code),
         bank_code      text        NOT NULL REFERENCES "${S}".banks (code),
         opened_on      date        NOT NULL,
         status         text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
         created_at     timestamptz NOT NULL DEFAULT now()
       )`,
      // One open dedicated account per project (53号); closed ones stay for history.
      `CREATE UNIQUE INDEX wage_accounts_one_open_per_project
         ON "${S}".wage_accounts (project_code) WHERE status = 'OPEN'`,
      `CREATE TABLE "${S}".transactions (
         account_number              text        NOT NULL REFERENCES "${S}".wage_accounts (account_number),
         serial_no                   text        NOT NULL,
         occurred_at                 timestamptz NOT NULL,
         direction                   text        NOT NULL CHECK (direction IN ('CREDIT', 'DEBIT')),
         kind                        text        NOT NULL,
         amount_fen                  bigint      NOT NULL CHECK (amount_fen > 0),
         payroll_month               text,
         counterparty_name           text        NOT NULL,
         counterparty_account_cipher text        NOT NULL,
         counterparty_account_hash   text        NOT NULL,
         counterparty_account_masked text        NOT NULL,
         counterparty_id_cipher      text,
         counterparty_id_hash        text,
         counterparty_id_masked      text,
         memo                        text,
         recorded_at                 timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (account_number, serial_no)
       )`,
      // Balances are derived in (occurred_at, serial_no) order, whatever order the bank delivered in.
      `CREATE INDEX transactions_timeline_idx ON "${S}".transactions (account_number, occurred_at, serial_no)`,
      `CREATE INDEX transactions_counterparty_account_idx ON "${S}".transactions (counterparty_account_hash)`,
      `CREATE TABLE "${S}".deposits (
         id           uuid        PRIMARY KEY,
         project_code text        NOT NULL REFERENCES "${S}".projects (code),
         form         text        NOT NULL CHECK (form IN ('CASH', 'GUARANTEE')),
         amount_fen   bigint      NOT NULL CHECK (amount_fen > 0),
         effective_on date        NOT NULL,
         expires_on   date        CHECK (expires_on > effective_on),
         reference    text,
         bank_code    text        REFERENCES "${S}".banks (code),
         recorded_at  timestamptz NOT NULL DEFAULT now(),
         CHECK (form = 'CASH' OR expires_on IS NOT NULL)
       )`,
      `CREATE INDEX deposits_project_idx ON "${S}".deposits (project_code)`,
      `CREATE TABLE "${S}".deposit_movements (
         id          uuid        PRIMARY KEY,
         deposit_id  uuid        NOT NULL REFERENCES "${S}".deposits (id),
         kind        text        NOT NULL CHECK (kind IN ('DRAWDOWN', 'TOPUP', 'RELEASE')),
         amount_fen  bigint      NOT NULL CHECK (amount_fen > 0),
         occurred_at timestamptz NOT NULL,
         recorded_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX deposit_movements_deposit_idx ON "${S}".deposit_movements (deposit_id, occurred_at)`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'deposit_movements',
      'deposits',
      'transactions',
      'wage_accounts',
      'projects',
      'banks',
    ])
      await queryRunner.query(`DROP TABLE "${S}".${table}`);
  }
}
