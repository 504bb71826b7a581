import type { Fen } from '../money';
import type { Month } from '../month';
import type { EvidenceTransaction, TransactionKind } from './finding';

// What a debit from the dedicated account is, for the rules that judge debits (FUNDS_DIVERTED, PAYEE_NOT_ON_ROSTER).
/**
 * A debit from the dedicated account, with the balance just before it (ordered by occurredAt, serialNo). A cash
 * withdrawal at the counter (现金支取) or a bank fee has no counterparty account.
 */
export interface AccountDebit extends EvidenceTransaction {
  counterpartyAccountHash?: string;
  counterpartyIdHash?: string;
  balanceBeforeFen: Fen;
}

/** The project's registered workers (ever on the roll: final wages after exit are still theirs). */
export interface RosterIndex {
  cardHashes: ReadonlySet<string>;
  idHashes: ReadonlySet<string>;
}

export type DebitClass = 'PAYROLL_TO_WORKER' | 'PAYEE_NOT_ON_ROSTER' | 'DIVERTED' | 'BANK_FEE';

/**
 * What a debit is. Payroll belongs to a worker when its card or, if the card is not registered, its identity
 * is a registered worker's (docs/domain.md): a worker paid on a new card of their own is still paid. Bank fees up
 * to `feeAllowanceFen` are the bank's charge for the account, not a diversion; a larger "fee" is treated as
 * money taken out. A withdrawal is never payroll, whether cash at the counter or to an account.
 */
export function classifyDebit(
  debit: Pick<AccountDebit, 'kind' | 'amountFen' | 'counterpartyAccountHash' | 'counterpartyIdHash'>,
  roster: RosterIndex,
  feeAllowanceFen: Fen,
): DebitClass {
  switch (debit.kind) {
    case 'PAYROLL':
      return (debit.counterpartyAccountHash !== undefined &&
        roster.cardHashes.has(debit.counterpartyAccountHash)) ||
        (debit.counterpartyIdHash !== undefined && roster.idHashes.has(debit.counterpartyIdHash))
        ? 'PAYROLL_TO_WORKER'
        : 'PAYEE_NOT_ON_ROSTER';
    case 'FEE':
      return debit.amountFen <= feeAllowanceFen ? 'BANK_FEE' : 'DIVERTED';
    default:
      // WITHDRAWAL, TRANSFER, and any debit of a credit kind the bank mislabelled
      return 'DIVERTED';
  }
}

export interface TransactionMonthInput {
  /** The Shanghai month the debits occurred in: one alert per (code, project, month). */
  month: Month;
  debits: readonly AccountDebit[];
  roster: RosterIndex;
}

/** A debit as an alert's evidence shows it. */
export function evidenceTransaction(debit: AccountDebit): EvidenceTransaction {
  const {
    accountNumber,
    serialNo,
    occurredAt,
    kind,
    amountFen,
    counterpartyName,
    counterpartyAccountMasked,
  } = debit;
  return {
    accountNumber,
    serialNo,
    occurredAt,
    kind: kind as TransactionKind,
    amountFen,
    ...(counterpartyName !== undefined && { counterpartyName }),
    ...(counterpartyAccountMasked !== undefined && { counterpartyAccountMasked }),
  };
}
