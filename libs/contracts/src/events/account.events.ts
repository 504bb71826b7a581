import { z } from 'zod';
import { defineEvent, type EventData } from '../envelope';
import {
  DepositForm,
  DepositMovementKind,
  TRANSACTION_KIND_DIRECTION,
  TransactionDirection,
  TransactionKind,
} from '../enums';
import {
  bankCode,
  blindIndex,
  instant,
  isoDate,
  maskedAccountNumber,
  maskedIdNumber,
  month,
  positiveFen,
  projectCode,
} from '../fields';
import { Topics } from '../topics';

/**
 * A dedicated wage account (农民工工资专用账户). Its number is the contractor's, not personal, so it travels in clear.
 */
export const WageAccountOpened = defineEvent(
  Topics.account,
  'WageAccountOpened',
  z.object({
    accountNumber: z.string().min(1),
    projectCode,
    bankCode,
    openedOn: isoDate,
  }),
);
export type WageAccountOpened = EventData<typeof WageAccountOpened>;

/**
 * The other side of a transaction: a worker's card for payroll, a company account for a transfer. The name is
 * in clear as on the roll; `accountHash` uses the same blind index as a worker's `cardHash`, which is how a
 * payroll payment is matched to a worker. A cash withdrawal at the counter (现金支取) or a bank fee has no
 * counterparty account: both account fields are then absent.
 */
const counterparty = z
  .object({
    name: z.string().min(1),
    accountHash: blindIndex.optional(),
    accountMasked: maskedAccountNumber.optional(),
    idHash: blindIndex.optional(),
    idMasked: maskedIdNumber.optional(),
  })
  .refine((party) => (party.idHash === undefined) === (party.idMasked === undefined), {
    error: 'idHash and idMasked come together',
    path: ['idMasked'],
  })
  .refine((party) => (party.accountHash === undefined) === (party.accountMasked === undefined), {
    error: 'accountHash and accountMasked come together',
    path: ['accountMasked'],
  });

/** Kinds of transaction that may have no counterparty account: cash at the counter, the bank's own fee. */
export const KINDS_WITHOUT_COUNTERPARTY_ACCOUNT: readonly TransactionKind[] = ['WITHDRAWAL', 'FEE'];

/**
 * One transaction on a dedicated account, published once per (accountNumber, serialNo); a resend the bank
 * repeats is not published again.
 *
 * There is no balance after the transaction: banks push transactions late and out of order, so a running
 * balance at recording time would be wrong for any earlier transaction arriving afterwards. Consumers derive
 * the balance at an instant from the transactions themselves, ordered by (occurredAt, serialNo).
 */
export const TransactionRecorded = defineEvent(
  Topics.account,
  'TransactionRecorded',
  z
    .object({
      accountNumber: z.string().min(1),
      serialNo: z.string().min(1),
      occurredAt: instant,
      direction: TransactionDirection,
      kind: TransactionKind,
      amountFen: positiveFen,
      /** The month worked that a payroll payment pays (代发工资所属月份). */
      payrollMonth: month.optional(),
      counterparty,
      memo: z.string().optional(),
    })
    .refine((tx) => TRANSACTION_KIND_DIRECTION[tx.kind] === tx.direction, {
      error: 'direction does not match kind',
      path: ['direction'],
    })
    .refine(
      (tx) =>
        tx.counterparty.accountHash !== undefined || KINDS_WITHOUT_COUNTERPARTY_ACCOUNT.includes(tx.kind),
      { error: 'only a WITHDRAWAL or a FEE may have no counterparty account', path: ['counterparty'] },
    ),
);
export type TransactionRecorded = EventData<typeof TransactionRecorded>;

/**
 * The bank states that the account's feed is complete up to `statementThrough` (the batch's `statementThrough`):
 * every transaction that occurred up to that instant has been sent. Published when the account's completeness
 * moves forward; payment rules wait for it before they judge a deadline (docs/domain.md, data completeness).
 */
export const AccountStatementReported = defineEvent(
  Topics.account,
  'AccountStatementReported',
  z.object({
    accountNumber: z.string().min(1),
    statementThrough: instant,
  }),
);
export type AccountStatementReported = EventData<typeof AccountStatementReported>;

/** A wage guarantee deposit (工资保证金): cash, or a bank guarantee letter (保函) that counts until it expires. */
export const DepositRecorded = defineEvent(
  Topics.account,
  'DepositRecorded',
  z
    .object({
      depositId: z.uuid(),
      projectCode,
      form: DepositForm,
      amountFen: positiveFen,
      effectiveOn: isoDate,
      expiresOn: isoDate.optional(),
      /** The guarantee letter's or receipt's number. */
      reference: z.string().min(1).optional(),
    })
    .refine((deposit) => deposit.expiresOn === undefined || deposit.expiresOn > deposit.effectiveOn, {
      error: 'expiresOn must be after effectiveOn',
      path: ['expiresOn'],
    }),
);
export type DepositRecorded = EventData<typeof DepositRecorded>;

/** A drawdown to pay arrears (动用), its top-up (补足), or the release at the end of the project (退还). */
export const DepositMovementRecorded = defineEvent(
  Topics.account,
  'DepositMovementRecorded',
  z.object({
    depositId: z.uuid(),
    kind: DepositMovementKind,
    amountFen: positiveFen,
    occurredAt: instant,
  }),
);
export type DepositMovementRecorded = EventData<typeof DepositMovementRecorded>;
