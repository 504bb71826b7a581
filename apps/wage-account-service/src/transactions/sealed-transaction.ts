import type { TransactionDirection, TransactionKind } from '@wage/contracts';
import { maskCardNumber, maskIdentityNumber, type Fen } from '@wage/domain';
import type { BlindIndex, PersonalDataCipher, RowError } from '@wage/platform';
import type { CheckedTransaction } from './transaction-rows';

/** What makes two transactions under one serial number the same: compared by blind index, never in clear. */
export interface TransactionFacts {
  occurredAt: Date;
  direction: TransactionDirection;
  kind: TransactionKind;
  amountFen: Fen;
  payrollMonth: string | null;
  counterpartyName: string;
  /** Null for a cash withdrawal at the counter or a bank fee: no counterparty account. */
  accountHash: string | null;
  idHash: string | null;
  memo: string | null;
}

/** A transaction ready to store: counterparty numbers encrypted, with their blind index and masked form. */
export interface SealedTransaction extends TransactionFacts {
  serialNo: string;
  accountCipher: string | null;
  accountMasked: string | null;
  idCipher: string | null;
  idMasked: string | null;
}

export function sealTransaction(
  tx: CheckedTransaction,
  cipher: Pick<PersonalDataCipher, 'encrypt'>,
  blindIndex: Pick<BlindIndex, 'hash'>,
): SealedTransaction {
  const { accountNumber, idNumber, name } = tx.counterparty;
  return {
    serialNo: tx.serialNo,
    occurredAt: tx.occurredAt,
    direction: tx.direction,
    kind: tx.kind,
    amountFen: tx.amountFen,
    payrollMonth: tx.payrollMonth ?? null,
    counterpartyName: name,
    accountCipher: accountNumber === undefined ? null : cipher.encrypt(accountNumber),
    // 'card' also for company accounts: the same index as a worker's card on the roll, so payroll can be matched.
    accountHash: accountNumber === undefined ? null : blindIndex.hash('card', accountNumber),
    accountMasked: accountNumber === undefined ? null : maskCardNumber(accountNumber),
    idCipher: idNumber === undefined ? null : cipher.encrypt(idNumber),
    idHash: idNumber === undefined ? null : blindIndex.hash('id', idNumber),
    idMasked: idNumber === undefined ? null : maskIdentityNumber(idNumber),
    memo: tx.memo ?? null,
  };
}

const FACT_FIELDS: [keyof TransactionFacts, string][] = [
  ['occurredAt', 'occurredAt'],
  ['direction', 'direction'],
  ['kind', 'kind'],
  ['amountFen', 'amount'],
  ['payrollMonth', 'payrollMonth'],
  ['counterpartyName', 'counterparty.name'],
  ['accountHash', 'counterparty.accountNumber'],
  ['idHash', 'counterparty.idNumber'],
  ['memo', 'memo'],
];

/** The request fields in which two versions of a transaction differ; empty when they are the same transaction. */
export function differingFields(a: TransactionFacts, b: TransactionFacts): string[] {
  return FACT_FIELDS.filter(([fact]) => {
    const [x, y] = [a[fact], b[fact]];
    return x instanceof Date && y instanceof Date ? x.getTime() !== y.getTime() : x !== y;
  }).map(([, field]) => field);
}

/**
 * Within one batch, a serial number repeated with the same transaction counts once (banks resend); repeated with a
 * different one it is an error of the later row.
 */
export function removeRepeatedSerials(rows: { index: number; transaction: SealedTransaction }[]): {
  unique: SealedTransaction[];
  errors: RowError[];
} {
  const first = new Map<string, { index: number; transaction: SealedTransaction }>();
  const errors: RowError[] = [];
  for (const row of rows) {
    const earlier = first.get(row.transaction.serialNo);
    if (!earlier) {
      first.set(row.transaction.serialNo, row);
      continue;
    }
    const differences = differingFields(earlier.transaction, row.transaction);
    if (differences.length > 0) {
      errors.push({
        index: row.index,
        field: 'serialNo',
        code: 'DUPLICATE_SERIAL',
        message: `serial number ${row.transaction.serialNo} is also used by row ${earlier.index} for a different transaction (different ${differences.join(', ')}); each transaction needs its own serial number`,
      });
    }
  }
  return { unique: [...first.values()].map((row) => row.transaction), errors };
}
