import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccountStatementReported, TransactionRecorded } from '@wage/contracts';
import { dateInShanghai, formatYuan, parseInstant, startOfDayShanghai, type Fen } from '@wage/domain';
import {
  UseCaseError,
  BlindIndex,
  Clock,
  OutboxRelayService,
  OutboxWriter,
  PersonalDataCipher,
  sealingOncePerValue,
  describePrincipal,
  newEvent,
  withIdempotency,
  type IdempotentAnswer,
  type Principal,
} from '@wage/platform';
import { ACCOUNT_SETTINGS, type AccountSettings } from '../../../config/account-settings';
import { SCHEMA } from '../../../schema';
import { mayRecordOnAccount } from '../../../wage-accounts/account-access';
import { accountDataQuality, type DataQualityProblem } from '../../../wage-accounts/data-quality';
import { WageAccountRepository, type WageAccount } from '../../../wage-accounts/wage-account.repository';
import {
  differingFields,
  removeRepeatedSerials,
  sealTransaction,
  type SealedTransaction,
} from '../../sealed-transaction';
import { TransactionRepository } from '../../transaction.repository';
import { checkTransactionRows } from '../../transaction-rows';
import { rowsBeyondAccountTotals, type AccountTotals } from '../../account-totals';

/** The batch's distinct transactions, sealed, and the row each serial number first came from. */
interface CheckedBatch {
  batch: SealedTransaction[];
  indexOf: Map<string, number>;
}

export interface RecordTransactionsAnswer {
  accountNumber: string;
  /** Rows in the batch. */
  accepted: number;
  /** Transactions stored for the first time. */
  recorded: number;
  /** Rows that repeated a transaction already stored or earlier in the batch: accepted, not counted again. */
  duplicates: number;
  balance: string;
  balanceFen: number;
  /** How far the bank has stated the feed complete, after this batch; null while it never has. */
  statementThrough: string | null;
  /** Gaps in the bank's feed the batch leaves (a balance below zero): accepted, but flagged. */
  dataQuality: DataQualityProblem[];
}

/** A batch as the controller validated its envelope; the rows are checked here, one by one. */
export interface TransactionBatch {
  transactions: unknown[];
  /** The bank states that the account's feed is complete up to this instant. */
  statementThrough?: string;
}

/** Clocks of banks and servers differ a little; a statement further ahead claims transactions not yet made. */
const STATEMENT_CLOCK_SKEW_MS = 60 * 1000;

/**
 * Records a batch of bank transactions on a dedicated account, all or nothing: any invalid row is a 422 and a
 * serial number reused for a different transaction a 409, and then nothing of the batch is stored or published.
 * Resent transactions are accepted without being counted or published again. The batch's `statementThrough`
 * moves the account's stated completeness forward (never back) and is published when it does, after the batch's
 * transactions.
 */
@Injectable()
export class RecordTransactionsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: WageAccountRepository,
    private readonly ledger: TransactionRepository,
    private readonly cipher: PersonalDataCipher,
    private readonly blindIndex: BlindIndex,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelayService,
    private readonly clock: Clock,
    @Inject(ACCOUNT_SETTINGS) private readonly settings: AccountSettings,
  ) {}

  async execute(
    principal: Principal,
    accountNumber: string,
    { transactions: rows, statementThrough: stated }: TransactionBatch,
    idempotency: { key: string | undefined; body: unknown },
  ): Promise<IdempotentAnswer<RecordTransactionsAnswer>> {
    const now = this.clock.now();
    if (rows.length > this.settings.batchCap)
      throw UseCaseError.batchTooLarge(rows.length, this.settings.batchCap);
    const account = await this.accounts.find(accountNumber);
    if (!account || !mayRecordOnAccount(principal, account)) {
      throw UseCaseError.notFound(
        `no dedicated wage account ${accountNumber} that this key may record transactions on`,
      );
    }
    const batch = this.checkAndSeal(rows, now, account.openedOn);
    const statementThrough = stated === undefined ? undefined : checkStatement(account, stated, now);
    const answer = await this.dataSource.transaction((manager) =>
      withIdempotency(
        manager,
        SCHEMA,
        { scope: `transactions:${accountNumber}:${describePrincipal(principal)}`, ...idempotency },
        async () => ({
          outcome: 'DONE',
          body: await this.record(manager, account, rows.length, batch, statementThrough),
        }),
      ),
    );
    if (!answer.replayed) this.relay.relay.wake();
    return answer;
  }

  /** Every row checked and its numbers sealed; a 422 listing every problem when any row is wrong. */
  private checkAndSeal(rows: unknown[], now: Date, openedOn: string): CheckedBatch {
    const checked = checkTransactionRows(rows, { now, today: dateInShanghai(now), openedOn });
    const sealing = sealingOncePerValue(this.cipher, this.blindIndex);
    const sealed = checked.transactions.map(({ index, transaction }) => ({
      index,
      transaction: sealTransaction(transaction, sealing.cipher, sealing.blindIndex),
    }));
    const { unique, errors } = removeRepeatedSerials(sealed);
    const rowErrors = [...checked.errors, ...errors].sort((a, b) => a.index - b.index);
    if (rowErrors.length > 0) throw UseCaseError.invalidRows(rowErrors, rows.length);
    const indexOf = new Map<string, number>();
    for (const { index, transaction } of sealed)
      if (!indexOf.has(transaction.serialNo)) indexOf.set(transaction.serialNo, index);
    return { batch: unique, indexOf };
  }

  private async record(
    manager: EntityManager,
    account: WageAccount,
    rowCount: number,
    { batch, indexOf }: CheckedBatch,
    statementThrough: Date | undefined,
  ): Promise<RecordTransactionsAnswer> {
    await this.accounts.lockForUpdate(manager, account.accountNumber);
    // Read once, before the insert and under the account's lock: what the account held before this batch bounds its
    // totals and, with the batch's new rows, gives the balance — no second pass over the account's transactions.
    const before = await this.accounts.totals(manager, account.accountNumber, []);
    const inserted = await this.ledger.insertNew(manager, account.accountNumber, batch);
    const recorded = batch.filter((tx) => inserted.has(tx.serialNo));
    const beyond = rowsBeyondAccountTotals(
      before,
      recorded.map((tx) => ({
        index: indexOf.get(tx.serialNo)!,
        direction: tx.direction,
        amountFen: tx.amountFen,
      })),
    );
    if (beyond.length > 0) throw UseCaseError.invalidRows(beyond, rowCount);
    const resent = batch.filter((tx) => !inserted.has(tx.serialNo));
    const stored = await this.ledger.findFacts(
      manager,
      account.accountNumber,
      resent.map((tx) => tx.serialNo),
    );
    const conflicts = resent
      .map((tx) => ({ serialNo: tx.serialNo, fields: differingFields(stored.get(tx.serialNo)!, tx) }))
      .filter((conflict) => conflict.fields.length > 0);
    if (conflicts.length > 0) throw serialConflict(account.accountNumber, conflicts);

    const stated =
      statementThrough &&
      (await this.accounts.advanceStatement(manager, account.accountNumber, statementThrough));
    await this.outbox.append(manager, [
      ...recorded.map((tx) =>
        newEvent(
          TransactionRecorded,
          account.projectCode,
          eventData(account.accountNumber, tx),
          tx.occurredAt,
        ),
      ),
      // Last, so that a consumer has every transaction of the batch when it learns the feed is complete.
      ...(stated?.advanced
        ? [
            newEvent(AccountStatementReported, account.projectCode, {
              accountNumber: account.accountNumber,
              statementThrough: stated.statementThrough.toISOString(),
            }),
          ]
        : []),
    ]);
    const balanceFen = balanceAfter(before, recorded);
    return {
      accountNumber: account.accountNumber,
      accepted: rowCount,
      recorded: inserted.size,
      duplicates: rowCount - inserted.size,
      balance: formatYuan(balanceFen),
      balanceFen,
      statementThrough: (stated?.statementThrough ?? account.statementThrough)?.toISOString() ?? null,
      dataQuality: await accountDataQuality(this.accounts, account.accountNumber, manager),
    };
  }
}

/** Credits minus debits of every transaction the account now holds: those before the batch and the batch's new ones. */
function balanceAfter(before: AccountTotals, recorded: readonly SealedTransaction[]): Fen {
  let balance = before.creditsFen - before.debitsFen;
  for (const tx of recorded)
    balance += tx.direction === 'CREDIT' ? BigInt(tx.amountFen) : -BigInt(tx.amountFen);
  return Number(balance);
}

/**
 * The bank's statement that the feed is complete up to an instant, only for an instant that has passed since the
 * account was opened.
 */
function checkStatement(account: WageAccount, stated: string, now: Date): Date {
  const through = parseInstant(stated);
  const refuse = (code: string, message: string) =>
    new UseCaseError('UNPROCESSABLE', 'INVALID_STATEMENT_THROUGH', message, [
      { field: 'statementThrough', code, message },
    ]);
  if (through.getTime() > now.getTime() + STATEMENT_CLOCK_SKEW_MS) {
    throw refuse(
      'STATEMENT_IN_FUTURE',
      `statementThrough ${stated} is in the future; the feed can be complete only up to now. Give the instant up to ` +
        'which every transaction of the account has been sent; nothing of this batch was stored.',
    );
  }
  if (through.getTime() < startOfDayShanghai(account.openedOn).getTime()) {
    throw refuse(
      'STATEMENT_BEFORE_OPENING',
      `statementThrough ${stated} is before account ${account.accountNumber} was opened on ${account.openedOn}; ` +
        'give an instant since it was opened. Nothing of this batch was stored.',
    );
  }
  return through;
}

function serialConflict(
  accountNumber: string,
  conflicts: { serialNo: string; fields: string[] }[],
): UseCaseError {
  const [first] = conflicts;
  const more = conflicts.length > 1 ? ` and ${conflicts.length - 1} more (see details)` : '';
  return UseCaseError.conflict(
    'SERIAL_CONFLICT',
    `serial number ${first.serialNo} on account ${accountNumber} was already recorded for a different transaction ` +
      `(different ${first.fields.join(', ')})${more}; nothing of this batch was stored. A serial number names one ` +
      'transaction: resend it unchanged, or give a new transaction its own serial number.',
    conflicts.map((c) => ({
      field: 'serialNo',
      code: 'SERIAL_CONFLICT',
      serialNo: c.serialNo,
      message: `already recorded with a different ${c.fields.join(', ')}`,
    })),
  );
}

function eventData(accountNumber: string, tx: SealedTransaction): TransactionRecorded {
  return {
    accountNumber,
    serialNo: tx.serialNo,
    occurredAt: tx.occurredAt.toISOString(),
    direction: tx.direction,
    kind: tx.kind,
    amountFen: tx.amountFen,
    ...(tx.payrollMonth !== null ? { payrollMonth: tx.payrollMonth } : {}),
    counterparty: {
      name: tx.counterpartyName,
      ...(tx.accountHash !== null && tx.accountMasked !== null
        ? { accountHash: tx.accountHash, accountMasked: tx.accountMasked }
        : {}),
      ...(tx.idHash !== null && tx.idMasked !== null ? { idHash: tx.idHash, idMasked: tx.idMasked } : {}),
    },
    ...(tx.memo !== null ? { memo: tx.memo } : {}),
  };
}
