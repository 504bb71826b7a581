import { z } from 'zod';
import { DepositForm, DepositMovementKind, bankCode, instant, isoDate, projectCode } from '@wage/contracts';
import { addCalendarDays, isIsoDate, parseYuan } from '@wage/domain';

/** The longest term of a guarantee letter taken as plausible: a letter "until 2099" is a typing error. */
export const MAX_GUARANTEE_YEARS = 10;

/** A yuan string such as "12345.67", read as positive fen. */
const positiveYuan = z.string().transform((value, context) => {
  try {
    return parseYuan(value, { positive: true });
  } catch (error) {
    context.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

export const recordDepositSchema = z
  .object({
    projectCode,
    form: DepositForm,
    amount: positiveYuan,
    effectiveOn: isoDate,
    expiresOn: isoDate.optional(),
    /** The guarantee letter's or the receipt's number. */
    reference: z.string().trim().min(1).max(100).optional(),
    bankCode: bankCode.optional().meta({
      description:
        'only when a project declares its deposit: the bank (or guarantor) holding it, which must confirm it before it counts',
    }),
  })
  .superRefine((deposit, context) => {
    if (deposit.form === 'GUARANTEE' && deposit.expiresOn === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['expiresOn'],
        message: 'a guarantee letter needs its expiry date',
      });
    }
    if (deposit.form === 'CASH' && deposit.expiresOn !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['expiresOn'],
        message: 'cash does not expire; leave expiresOn out',
      });
    }
    if (deposit.expiresOn !== undefined && deposit.expiresOn <= deposit.effectiveOn) {
      context.addIssue({ code: 'custom', path: ['expiresOn'], message: 'must be after effectiveOn' });
    }
    const longest = isIsoDate(deposit.effectiveOn)
      ? addCalendarDays(deposit.effectiveOn, MAX_GUARANTEE_YEARS * 366)
      : undefined;
    if (longest !== undefined && deposit.expiresOn !== undefined && deposit.expiresOn > longest) {
      context.addIssue({
        code: 'custom',
        path: ['expiresOn'],
        message: `a guarantee letter runs at most ${MAX_GUARANTEE_YEARS} years; ${deposit.expiresOn} is later than ${longest}`,
      });
    }
  });
export type RecordDepositDto = z.infer<typeof recordDepositSchema>;

export const recordMovementSchema = z.object({
  kind: DepositMovementKind,
  amount: positiveYuan,
  occurredAt: instant,
});
export type RecordMovementDto = z.infer<typeof recordMovementSchema>;

export const depositsQuerySchema = z.object({
  projectCode,
  /** The date the amount in force is for; today in Shanghai when absent. */
  asOf: isoDate.optional(),
});
