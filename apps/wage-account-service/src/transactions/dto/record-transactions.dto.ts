import { z } from 'zod';
import { TransactionDirection, TransactionKind } from '@wage/contracts';

const statementThrough = z.iso
  .datetime({ offset: true, error: 'must be an instant with its offset, e.g. "2026-10-31T23:59:59+08:00"' })
  .optional()
  .meta({
    description:
      "the bank states that the account's feed is complete up to this instant: every transaction that occurred " +
      'by then has been sent. May come with no transactions ("nothing more through this instant"). Never in the ' +
      'future, never before the account was opened; a value below the one already stated is accepted and changes ' +
      'nothing.',
  });

/** A batch holds at least one transaction, or none when it only states how far the feed is complete. */
function rowsOrStatement<S extends z.ZodType<{ transactions: unknown[]; statementThrough?: string }>>(
  batch: S,
) {
  return batch.refine((body) => body.transactions.length > 0 || body.statementThrough !== undefined, {
    error:
      'must hold at least one transaction; an empty batch is allowed only with statementThrough, to state that ' +
      'the feed is complete with nothing more',
    path: ['transactions'],
  });
}

/** The batch envelope; each row is checked on its own so that every problem is reported with its index. */
export const recordTransactionsSchema = rowsOrStatement(
  z.object({ transactions: z.array(z.unknown()), statementThrough }),
);

/** One transaction as the bank delivers it, before the domain checks (amount, instant, kind and direction). */
export const transactionRowSchema = z.object({
  serialNo: z
    .string()
    .regex(/^[\x21-\x7e]{1,64}$/, 'must be the bank serial number: 1–64 visible ASCII characters'),
  occurredAt: z.string(),
  direction: TransactionDirection,
  amount: z.string(),
  kind: TransactionKind,
  counterparty: z.object({
    name: z.string().trim().min(1, 'is required').max(200),
    accountNumber: z
      .string()
      .optional()
      .meta({
        description:
          "the counterparty's card or account number; required except for a cash WITHDRAWAL at the counter " +
          '(现金支取) or a bank FEE, which have none',
      }),
    idNumber: z.string().optional(),
  }),
  payrollMonth: z.string().optional(),
  memo: z.string().max(500).optional(),
});
/** The body as the API documents it: the envelope with its rows' shape. */
export const recordTransactionsDocumented = rowsOrStatement(
  z.object({
    transactions: z.array(transactionRowSchema).meta({
      description: 'the transactions, in any order; empty only when statementThrough is given',
    }),
    statementThrough,
  }),
);

export type TransactionRow = z.infer<typeof transactionRowSchema>;
