import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The workers' own channel. `worker_payments` is a read model of the payroll debits banks report on the dedicated
 * accounts (wage-account-service's TransactionRecorded): blind index and masked card only, matched to roll entries
 * by card or identity hash, so a worker sees what reached their card. `worker_confirmations` holds each worker's
 * confirmation or dispute of a project-month (工资确认); the latest answer stands.
 */
export class WorkerChannel1764800300000 implements MigrationInterface {
  name = 'WorkerChannel1764800300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [
      `CREATE TABLE roster.worker_payments (
         account_number text        NOT NULL,
         serial_no      text        NOT NULL,
         project_code   text        NOT NULL,
         occurred_at    timestamptz NOT NULL,
         amount_fen     bigint      NOT NULL CHECK (amount_fen > 0),
         payroll_month  text,
         card_hash      text,
         card_masked    text,
         id_hash        text,
         PRIMARY KEY (account_number, serial_no)
       )`,
      `CREATE INDEX worker_payments_card_idx ON roster.worker_payments (project_code, card_hash)`,
      `CREATE INDEX worker_payments_id_idx ON roster.worker_payments (project_code, id_hash)`,
      `CREATE INDEX workers_id_hash_idx ON roster.workers (id_hash)`,
      `CREATE TABLE roster.worker_confirmations (
         project_code  text        NOT NULL,
         month         text        NOT NULL,
         worker_id     uuid        NOT NULL REFERENCES roster.workers (id),
         result        text        NOT NULL CHECK (result IN ('CONFIRMED', 'DISPUTED')),
         reason        text        CHECK (reason IN ('AMOUNT_WRONG', 'NOT_RECEIVED', 'CARD_NOT_MINE')),
         note_encrypted text,
         answered_at   timestamptz NOT NULL,
         PRIMARY KEY (project_code, month, worker_id),
         CHECK ((result = 'DISPUTED') = (reason IS NOT NULL))
       )`,
      // A worker's own months across projects: their rows by worker, not by project-month.
      `CREATE INDEX attendance_worker_idx ON roster.attendance (worker_id)`,
      `CREATE INDEX pay_sheet_lines_worker_idx ON roster.pay_sheet_lines (worker_id)`,
      `CREATE INDEX worker_confirmations_worker_idx ON roster.worker_confirmations (worker_id)`,
    ])
      await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX roster.pay_sheet_lines_worker_idx`);
    await queryRunner.query(`DROP INDEX roster.attendance_worker_idx`);
    await queryRunner.query(`DROP TABLE roster.worker_confirmations`);
    await queryRunner.query(`DROP INDEX roster.workers_id_hash_idx`);
    await queryRunner.query(`DROP TABLE roster.worker_payments`);
  }
}
