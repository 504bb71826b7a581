import type { TransactionDirection } from '@wage/contracts';
import { MAX_ACCOUNT_TOTAL_FEN, formatYuan, type Fen } from '@wage/domain';
import type { RowError } from '@wage/platform';

/** What an account's stored transactions total, each direction on its own (exact: PostgreSQL sums bigints). */
export interface AccountTotals {
  creditsFen: bigint;
  debitsFen: bigint;
}

/** A new transaction of the batch, with the batch row it came from. */
export interface NewTransaction {
  index: number;
  direction: TransactionDirection;
  amountFen: Fen;
}

const DIRECTION_ZH: Record<TransactionDirection, string> = { CREDIT: '收入', DEBIT: '支出' };

/**
 * The rows that take the account's credits or debits past MAX_ACCOUNT_TOTAL_FEN, in batch order: the row that
 * crosses the bound and every later row of the same direction (each of them ends beyond it). Found by the attack
 * pass: a balance past 2^53 fen could not be answered exactly and came back as a 400.
 */
export function rowsBeyondAccountTotals(
  stored: AccountTotals,
  rows: readonly NewTransaction[],
  max: Fen = MAX_ACCOUNT_TOTAL_FEN,
): RowError[] {
  const totals: Record<TransactionDirection, bigint> = { CREDIT: stored.creditsFen, DEBIT: stored.debitsFen };
  const errors: RowError[] = [];
  for (const row of [...rows].sort((a, b) => a.index - b.index)) {
    totals[row.direction] += BigInt(row.amountFen);
    if (totals[row.direction] > BigInt(max)) {
      errors.push({
        index: row.index,
        field: 'amount',
        code: 'ACCOUNT_TOTAL_TOO_LARGE',
        message:
          `加上本笔及之前的交易，该专户累计${DIRECTION_ZH[row.direction]}超过 ${formatYuan(max)} 元的上限，` +
          '远超任何工程的人工费用，应是金额录入错误：请核对金额后重新发送整批交易（本批未保存任何交易）',
      });
    }
  }
  return errors;
}
