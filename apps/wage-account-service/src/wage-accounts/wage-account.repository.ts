import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Fen } from '@wage/domain';
import { SCHEMA } from '../schema';

export interface WageAccount {
  accountNumber: string;
  projectCode: string;
  bankCode: string;
  openedOn: string;
  status: 'OPEN' | 'CLOSED';
  /** The project's region, for the region scoping of users. */
  regionCode: string;
  /** The bank stated that the feed is complete up to this instant; null until it first does. */
  statementThrough: Date | null;
}

const ACCOUNT_COLUMNS = `a.account_number AS "accountNumber", a.project_code AS "projectCode",
  a.bank_code AS "bankCode", to_char(a.opened_on, 'YYYY-MM-DD') AS "openedOn", a.status,
  p.region_code AS "regionCode", a.statement_through AS "statementThrough"`;

/** The `wage_accounts` table and the balance derived from the account's transactions. */
@Injectable()
export class WageAccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(
    accountNumber: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<WageAccount | undefined> {
    const [row] = await manager.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM "${SCHEMA}".wage_accounts a
       JOIN "${SCHEMA}".projects p ON p.code = a.project_code WHERE a.account_number = $1`,
      [accountNumber],
    );
    return row;
  }

  async findOpenForProject(projectCode: string, manager: EntityManager): Promise<WageAccount | undefined> {
    const [row] = await manager.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM "${SCHEMA}".wage_accounts a
       JOIN "${SCHEMA}".projects p ON p.code = a.project_code WHERE a.project_code = $1 AND a.status = 'OPEN'`,
      [projectCode],
    );
    return row;
  }

  /** False when the account number is taken or the project already has an open account. */
  async insert(
    manager: EntityManager,
    account: { accountNumber: string; projectCode: string; bankCode: string; openedOn: string },
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO "${SCHEMA}".wage_accounts (account_number, project_code, bank_code, opened_on)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING account_number`,
      [account.accountNumber, account.projectCode, account.bankCode, account.openedOn],
    );
    return inserted.length > 0;
  }

  /**
   * Moves the account's statement (how far the bank stated its feed complete) forward to `through`, never back.
   * The row stays locked until the caller's transaction ends, so of two concurrent statements of one instant only
   * one advances it.
   */
  async advanceStatement(
    manager: EntityManager,
    accountNumber: string,
    through: Date,
  ): Promise<{ advanced: boolean; statementThrough: Date }> {
    const [row]: { statementThrough: Date | null }[] = await manager.query(
      `SELECT statement_through AS "statementThrough" FROM "${SCHEMA}".wage_accounts
       WHERE account_number = $1 FOR UPDATE`,
      [accountNumber],
    );
    const before = row.statementThrough;
    if (before !== null && before.getTime() >= through.getTime()) {
      return { advanced: false, statementThrough: before };
    }
    await manager.query(
      `UPDATE "${SCHEMA}".wage_accounts SET statement_through = $2 WHERE account_number = $1`,
      [accountNumber, through],
    );
    return { advanced: true, statementThrough: through };
  }

  /**
   * Credits minus debits over every transaction that occurred up to `asOf` (all of them when absent). Delivery
   * order does not matter: the balance at an instant is what occurred by then, whenever the bank reported it.
   */
  async balance(
    accountNumber: string,
    asOf?: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ balanceFen: Fen; transactionCount: number }> {
    const [row] = await manager.query(
      `SELECT COALESCE(SUM(CASE direction WHEN 'CREDIT' THEN amount_fen ELSE -amount_fen END), 0)::bigint AS fen,
              count(*)::int AS count
       FROM "${SCHEMA}".transactions
       WHERE account_number = $1 AND ($2::timestamptz IS NULL OR occurred_at <= $2)`,
      [accountNumber, asOf ?? null],
    );
    return { balanceFen: Number(row.fen), transactionCount: row.count };
  }

  /**
   * Locks the account until the caller's transaction ends: two batches of one account are recorded one after the
   * other, so that both cannot pass a bound on its totals. Taken before the batch's rows are inserted (whose
   * foreign key would otherwise hold a share lock that two batches wait on from each other).
   */
  async lockForUpdate(manager: EntityManager, accountNumber: string): Promise<void> {
    await manager.query(`SELECT 1 FROM "${SCHEMA}".wage_accounts WHERE account_number = $1 FOR UPDATE`, [
      accountNumber,
    ]);
  }

  /** Credits and debits of the account, each summed exactly, leaving out the serial numbers given. */
  async totals(
    manager: EntityManager,
    accountNumber: string,
    excludingSerials: string[],
  ): Promise<{ creditsFen: bigint; debitsFen: bigint }> {
    const [row]: { credits: string; debits: string }[] = await manager.query(
      `SELECT COALESCE(SUM(amount_fen) FILTER (WHERE direction = 'CREDIT'), 0)::text AS credits,
              COALESCE(SUM(amount_fen) FILTER (WHERE direction = 'DEBIT'), 0)::text AS debits
       FROM "${SCHEMA}".transactions
       WHERE account_number = $1 AND NOT (serial_no = ANY($2::text[]))`,
      [accountNumber, excludingSerials],
    );
    return { creditsFen: BigInt(row.credits), debitsFen: BigInt(row.debits) };
  }

  /**
   * The first instant the account's running balance went below zero, and the lowest it reached, or undefined when
   * it never did. Within one instant credits count first, as a bank books them.
   */
  async belowZero(
    accountNumber: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ since: Date; lowestFen: Fen } | undefined> {
    const [row]: { since: Date | null; lowest: string | null }[] = await manager.query(
      `WITH running AS (
         SELECT occurred_at, SUM(CASE direction WHEN 'CREDIT' THEN amount_fen ELSE -amount_fen END)
                  OVER (ORDER BY occurred_at, direction, serial_no) AS fen
         FROM "${SCHEMA}".transactions WHERE account_number = $1)
       SELECT min(occurred_at) FILTER (WHERE fen < 0) AS since, min(fen)::bigint AS lowest FROM running`,
      [accountNumber],
    );
    return row?.since ? { since: row.since, lowestFen: Number(row.lowest) } : undefined;
  }
}
