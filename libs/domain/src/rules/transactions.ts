import { type Fen, formatYuan, sumFen } from '../money';
import type { Month } from '../month';
import {
  type EvidenceTransaction,
  type Finding,
  finding,
  monthLabel,
  shareReaches,
  type TransactionKind,
  type WorkerRef,
} from './finding';
import type { RuleParameterMap } from './parameters';

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

/** 专户资金挪用: debits in the month that are not payroll to a worker. RED when one is large or takes a big share. */
export function evaluateFundsDiverted({
  month,
  debits,
  roster,
  parameters,
}: TransactionMonthInput & { parameters: RuleParameterMap['FUNDS_DIVERTED'] }): Finding | null {
  const diverted = debits.filter(
    (debit) => classifyDebit(debit, roster, parameters.feeAllowanceFen) === 'DIVERTED',
  );
  if (diverted.length === 0) return null;
  const isLarge = (debit: AccountDebit) =>
    debit.amountFen >= parameters.redAmountFen ||
    shareReaches(debit.amountFen, debit.balanceBeforeFen, parameters.redBalanceShareBasisPoints);
  const divertedFen = sumFen(diverted.map((debit) => debit.amountFen));
  return finding({
    code: 'FUNDS_DIVERTED',
    severity: diverted.some(isLarge) ? 'RED' : 'ORANGE',
    month,
    title: `${monthLabel(month)} 专户资金挪用：${diverted.length}笔非工资支出共${formatYuan(divertedFen)}元`,
    transactions: diverted.map(evidenceTransaction),
    amounts: { divertedFen },
    parameters,
    facts: { largeSerialNos: diverted.filter(isLarge).map((debit) => debit.serialNo) },
  });
}

/** 代发对象不在实名册: payroll paid to a card and identity that are no registered worker's (ORANGE). */
export function evaluatePayeeNotOnRoster({ month, debits, roster }: TransactionMonthInput): Finding | null {
  const strangers = debits.filter(
    (debit) => debit.kind === 'PAYROLL' && classifyDebit(debit, roster, 0) === 'PAYEE_NOT_ON_ROSTER',
  );
  if (strangers.length === 0) return null;
  return finding({
    code: 'PAYEE_NOT_ON_ROSTER',
    severity: 'ORANGE',
    month,
    title: `${monthLabel(month)} 代发对象不在实名册：${strangers.length}笔`,
    transactions: strangers.map(evidenceTransaction),
    amounts: { paidToUnregisteredFen: sumFen(strangers.map((debit) => debit.amountFen)) },
    parameters: {},
  });
}

/** One worker's payroll received, by the date it was paid (not the month it pays). */
export interface WorkerPayout extends WorkerRef {
  /** Received in the Shanghai calendar month. */
  paidInMonthFen: Fen;
  /** Received in the calendar year, up to the month's end. */
  paidInYearFen: Fen;
}

/** 异常大额代发: a worker received more than the monthly or the yearly limit (YELLOW). */
export function evaluateAbnormalPayout({
  month,
  workers,
  parameters,
}: {
  month: Month;
  workers: readonly WorkerPayout[];
  parameters: RuleParameterMap['ABNORMAL_PAYOUT'];
}): Finding | null {
  const abnormal = workers.filter(
    (worker) =>
      worker.paidInMonthFen > parameters.monthlyLimitFen || worker.paidInYearFen > parameters.yearlyLimitFen,
  );
  if (abnormal.length === 0) return null;
  return finding({
    code: 'ABNORMAL_PAYOUT',
    severity: 'YELLOW',
    month,
    title: `${monthLabel(month)} 异常大额代发：${abnormal.length}名工人`,
    workers: abnormal.map((worker) => ({ ...worker, amountPaidFen: worker.paidInMonthFen })),
    amounts: { paidInMonthFen: sumFen(abnormal.map((worker) => worker.paidInMonthFen)) },
    parameters,
    facts: {
      overMonthlyLimit: abnormal
        .filter((w) => w.paidInMonthFen > parameters.monthlyLimitFen)
        .map((w) => w.idHash),
      overYearlyLimit: abnormal
        .filter((w) => w.paidInYearFen > parameters.yearlyLimitFen)
        .map((w) => w.idHash),
    },
  });
}

/** A worker's registered card on any project, as the SQL joining on `cardHash` returns it. */
export interface CardRegistration extends WorkerRef {
  cardHash: string;
  cardMasked: string;
  projectCode: string;
}

/**
 * 疑似代管工资卡: a card registered for two or more different workers, on this project or any other (ORANGE).
 * Pass the registrations of every card this project's workers use; one finding per project, month null.
 */
export function evaluateSharedBankCard({
  projectCode,
  registrations,
}: {
  projectCode: string;
  registrations: readonly CardRegistration[];
}): Finding | null {
  const byCard = new Map<string, CardRegistration[]>();
  for (const registration of registrations) {
    byCard.set(registration.cardHash, [...(byCard.get(registration.cardHash) ?? []), registration]);
  }
  const shared = [...byCard.values()].filter(
    (group) =>
      new Set(group.map((r) => r.idHash)).size >= 2 && group.some((r) => r.projectCode === projectCode),
  );
  if (shared.length === 0) return null;
  const workers = shared
    .flat()
    .filter(
      (registration, index, all) =>
        all.findIndex(
          (other) => other.idHash === registration.idHash && other.cardHash === registration.cardHash,
        ) === index,
    );
  return finding({
    code: 'SHARED_BANK_CARD',
    severity: 'ORANGE',
    month: null,
    title: `疑似代管工资卡：${shared.length}张银行卡登记给多名工人`,
    workers,
    parameters: {},
    facts: {
      cards: shared.map((group) => ({
        cardMasked: group[0].cardMasked,
        workers: new Set(group.map((r) => r.idHash)).size,
        projects: [...new Set(group.map((r) => r.projectCode))].sort(),
      })),
    },
  });
}

function evidenceTransaction(debit: AccountDebit): EvidenceTransaction {
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
