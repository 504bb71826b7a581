import { z } from 'zod';
import {
  DomainError,
  NATIONAL_REGION,
  isIsoDate,
  isMonth,
  isRegionCode,
  parseYuan,
  validateCreditCode,
} from '@wage/domain';

/** Request fields checked by the domain's rules; each says what a good value looks like. */

export const isoDateField = z
  .string()
  .refine(isIsoDate, 'must be a real calendar date YYYY-MM-DD, e.g. "2026-09-01"');

export const monthField = z.string().refine(isMonth, 'must be a month YYYY-MM, e.g. "2026-09"');

/** A project's region: a real GB/T 2260 division, not the whole country. */
export const regionCodeField = z
  .string()
  .refine(
    (value) => isRegionCode(value) && value !== NATIONAL_REGION,
    'must be the six-digit GB/T 2260 code of the project\'s district, e.g. "350206"',
  );

export const creditCodeField = z.string().transform((value, context) => {
  const result = validateCreditCode(value);
  if (result.ok) return result.value.normalized;
  context.addIssue({ code: 'custom', message: result.message });
  return z.NEVER;
});

/** A yuan amount string ("12345.67") read as integer fen. */
export function yuanField(options: { positive?: boolean } = {}) {
  return z.string().transform((value, context) => {
    try {
      return parseYuan(value, options);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      context.addIssue({ code: 'custom', message: error.message });
      return z.NEVER;
    }
  });
}
