import { formatYuan } from '@wage/domain';
import type { Deposit } from './deposit.repository';

/**
 * A deposit as answered: amounts in yuan and in fen; the recording bank is internal, except for the bank a
 * project's declaration waits for.
 */
export function depositView({ bankCode, ...deposit }: Deposit) {
  return {
    ...deposit,
    amount: formatYuan(deposit.amountFen),
    ...(deposit.declaredByProject ? { bankCode } : {}),
  };
}
