import { z } from 'zod';
import { bankCode, isoDate, projectCode } from '@wage/contracts';

/** A dedicated account's number is the contractor's, not personal data; it appears in paths, so it is URL-safe. */
export const accountNumber = z
  .string()
  .regex(/^[0-9A-Za-z-]{4,40}$/, 'must be 4–40 digits, letters or dashes, as the bank writes it');

export const openWageAccountSchema = z.object({
  projectCode,
  bankCode,
  accountNumber,
  openedOn: isoDate,
});
export type OpenWageAccountDto = z.infer<typeof openWageAccountSchema>;

export const balanceQuerySchema = z.object({
  /** The balance at this instant: every transaction that occurred by then, whenever it was reported. */
  asOf: z.iso.datetime({ offset: true }).optional(),
});
