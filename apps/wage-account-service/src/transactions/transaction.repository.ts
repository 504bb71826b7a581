import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SCHEMA } from '../schema';
import type { SealedTransaction, TransactionFacts } from './sealed-transaction';

/** The `transactions` table, written set-based: one statement per batch whatever its size. */
@Injectable()
export class TransactionRepository {
  /**
   * Inserts the transactions whose (account, serial) is new and returns their serial numbers. The others are left
   * as they are: the caller compares them with `findFacts`.
   */
  async insertNew(
    manager: EntityManager,
    accountNumber: string,
    rows: SealedTransaction[],
  ): Promise<Set<string>> {
    const column = <K extends keyof SealedTransaction>(key: K) => rows.map((row) => row[key]);
    const inserted: { serial_no: string }[] = await manager.query(
      `INSERT INTO "${SCHEMA}".transactions (account_number, serial_no, occurred_at, direction, kind, amount_fen,
         payroll_month, counterparty_name, counterparty_account_cipher, counterparty_account_hash,
         counterparty_account_masked, counterparty_id_cipher, counterparty_id_hash, counterparty_id_masked, memo)
       SELECT $1, * FROM unnest($2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::bigint[], $7::text[],
         $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
       ON CONFLICT (account_number, serial_no) DO NOTHING
       RETURNING serial_no`,
      [
        accountNumber,
        column('serialNo'),
        rows.map((row) => row.occurredAt.toISOString()),
        column('direction'),
        column('kind'),
        column('amountFen'),
        column('payrollMonth'),
        column('counterpartyName'),
        column('accountCipher'),
        column('accountHash'),
        column('accountMasked'),
        column('idCipher'),
        column('idHash'),
        column('idMasked'),
        column('memo'),
      ],
    );
    return new Set(inserted.map((row) => row.serial_no));
  }

  /** The stored facts of these serial numbers, to tell an identical resend from a conflicting one. */
  async findFacts(
    manager: EntityManager,
    accountNumber: string,
    serialNos: string[],
  ): Promise<Map<string, TransactionFacts>> {
    if (serialNos.length === 0) return new Map();
    const rows: (Omit<TransactionFacts, 'amountFen'> & { serialNo: string; amountFen: string })[] =
      await manager.query(
        `SELECT serial_no AS "serialNo", occurred_at AS "occurredAt", direction, kind, amount_fen AS "amountFen",
                payroll_month AS "payrollMonth", counterparty_name AS "counterpartyName",
                counterparty_account_hash AS "accountHash", counterparty_id_hash AS "idHash", memo
         FROM "${SCHEMA}".transactions WHERE account_number = $1 AND serial_no = ANY($2::text[])`,
        [accountNumber, serialNos],
      );
    return new Map(
      rows.map(({ serialNo, amountFen, ...facts }) => [serialNo, { ...facts, amountFen: Number(amountFen) }]),
    );
  }
}
