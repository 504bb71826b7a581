import { z } from 'zod';
import { TransactionDirection, TransactionKind } from '@wage/contracts';

/** The batch envelope; each row is checked on its own so that every problem is reported with its index. */
export const recordTransactionsSchema = z.object({
  transactions: z.array(z.unknown()).min(1, 'must hold at least one transaction'),
});

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
export const recordTransactionsDocumented = recordTransactionsSchema.extend({
  transactions: z.array(transactionRowSchema).min(1),
});

export type TransactionRow = z.infer<typeof transactionRowSchema>;
