import { z } from 'zod';

/** Money in integer fen (分); zod's `int()` also rejects unsafe integers, so JSON loses no precision. */
export const fen = z.number().int().nonnegative();
export const positiveFen = z.number().int().positive();
/** For computed figures that may go below zero, e.g. a balance derived from incomplete data. */
export const signedFen = z.number().int();

/** 'YYYY-MM', a month in Asia/Shanghai time. */
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
/** 'YYYY-MM-DD', a calendar date. */
export const isoDate = z.iso.date();
/** ISO-8601 date and time with 'Z' or an explicit offset, never a local time. */
export const instant = z.iso.datetime({ offset: true });

/** GB/T 2260 administrative division: 350000 province, 350200 city, 350206 district. */
export const regionCode = z
  .string()
  .regex(/^\d{6}(\d{3}){0,2}$/, 'must be a region code of six digits, or a grid of nine or twelve');
/** The grid below a district a project is placed in: a 街道/乡镇 (nine digits) or 社区/村 (twelve). */
export const gridCode = z.string().regex(/^\d{9}(\d{3})?$/, 'must be a grid code of nine or twelve digits');
/** 统一社会信用代码 (GB 32100); the check character is verified where the code is entered. */
export const creditCode = z
  .string()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, 'must be an 18-character credit code');
export const projectCode = z.string().min(1);
export const bankCode = z.string().min(1);

/**
 * Blind index of an identity, card or account number: lowercase hex HMAC-SHA256 under the platform's one
 * blind-index key, over the normalised number (identity number with an upper-case X; card and account numbers
 * as digits only). The same key and normalisation everywhere is what lets a payroll transaction's
 * counterparty be matched to a worker's card on the roll.
 */
export const blindIndex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex HMAC-SHA256');

/** '350206********1234': the region and the last four kept, birth date and sequence hidden. */
export const maskedIdNumber = z
  .string()
  .regex(/^\d{6}\*{8}\d{3}[\dX]$/, 'must be a masked identity number like 350206********1234');

/** '6222***********0123': first and last four digits of a bank card or account number, the rest hidden. */
export const maskedAccountNumber = z
  .string()
  .regex(/^\d{4}\*{4,24}\d{4}$/, 'must be a masked account number like 6222***********0123');
