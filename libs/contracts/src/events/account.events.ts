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
 * payroll payment is matched to a worker.
 */
const counterparty = z
  .object({
    name: z.string().min(1),
    accountHash: blindIndex,
    accountMasked: maskedAccountNumber,
    idHash: blindIndex.optional(),
    idMasked: maskedIdNumber.optional(),
  })
  .refine((party) => (party.idHash === undefined) === (party.idMasked === undefined), {
    error: 'idHash and idMasked come together',
    path: ['idMasked'],
  });

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
    }),
);
export type TransactionRecorded = EventData<typeof TransactionRecorded>;

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
