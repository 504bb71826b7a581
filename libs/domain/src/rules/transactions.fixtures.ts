import { parseInstant } from '../month';
import type { AccountDebit, RosterIndex } from './transactions';

// Debits and a roll for the scenario tables of the rules that judge debits.
export const roster: RosterIndex = {
  cardHashes: new Set(['card-1', 'card-2']),
  idHashes: new Set(['id-1', 'id-2']),
};
export const debit = (
  serialNo: string,
  kind: AccountDebit['kind'],
  amountFen: number,
  more: Partial<AccountDebit> = {},
): AccountDebit => ({
  accountNumber: '35001234567890',
  serialNo,
  occurredAt: parseInstant('2026-09-20T10:00:00+08:00'),
  kind,
  amountFen,
  counterpartyAccountHash: 'company-account',
  balanceBeforeFen: 100_000_000, // ¥1,000,000
  ...more,
});
/** Cash taken at the counter (现金支取): a debit with no counterparty account at all. */
export const cashAtCounter = (
  serialNo: string,
  amountFen: number,
  more: Partial<AccountDebit> = {},
): AccountDebit => {
  const { counterpartyAccountHash: _none, ...cash } = debit(serialNo, 'WITHDRAWAL', amountFen, {
    counterpartyName: '现金支取',
    ...more,
  });
  return cash;
};
