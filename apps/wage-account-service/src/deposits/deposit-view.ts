import { formatYuan } from '@wage/domain';
import type { Deposit } from './deposit-repository';

/** A deposit as answered: amounts in yuan and in fen; the recording bank is internal. */
export function depositView({ bankCode: _bankCode, ...deposit }: Deposit) {
  return { ...deposit, amount: formatYuan(deposit.amountFen) };
}
