import { z } from 'zod';
import {
  DomainError,
  isIsoDate,
  isMonth,
  parseYuan,
  regionCodeProblem,
  validateCreditCode,
  validateIdentityNumber,
} from '@wage/domain';
import { SYSTEM_CLOCK, type Clock } from '../clock/clock';

/** Request fields every service checks by the domain's rules; each says what a good value looks like. */

export const isoDateField = z
  .string()
  .refine(isIsoDate, 'must be a real calendar date YYYY-MM-DD, e.g. "2026-09-01"')
  .meta({ description: 'a calendar date YYYY-MM-DD', format: 'date', examples: ['2026-09-01'] });

export const monthField = z
  .string()
  .refine(isMonth, 'must be a month YYYY-MM, e.g. "2026-09"')
  .meta({ description: 'a month YYYY-MM', examples: ['2026-10'] });

export const creditCodeField = z
  .string()
  .meta({
    description: '18-character unified social credit code (GB 32100) with a valid check character',
    examples: ['91350206MA31XM5K8N'],
  })
  .transform((value, context) => {
    const result = validateCreditCode(value);
    if (result.ok) return result.value.normalized;
    context.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  });

/**
 * An 18-character identity number (GB 11643), checked in full (region, birth date, check character) as of today in
 * China by `clock`, and normalised. The domain's message says what is wrong; it never repeats the number. A schema
 * built when its module loads has no injected clock to ask: it reads the system's.
 */
export function identityNumberField(
  description = '18-character identity number (GB 11643)',
  example = '350206199001011230',
  clock: Clock = SYSTEM_CLOCK,
) {
  return z
    .string()
    .trim()
    .meta({ description, examples: [example] })
    .transform((value, context) => {
      const result = validateIdentityNumber(value, clock.today());
      if (result.ok) return result.value.normalized;
      context.addIssue({ code: 'custom', message: result.message });
      return z.NEVER;
    });
}

/** A yuan amount string ("12345.67") read as integer fen. */
export function yuanField(options: { positive?: boolean } = {}) {
  const description = `an amount in yuan as a string with at most two decimals${options.positive ? ', above zero' : ''}`;
  return z
    .string()
    .meta({ description, examples: ['3500.00'] })
    .transform((value, context) => {
      try {
        return parseYuan(value, options);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        context.addIssue({ code: 'custom', message: error.message });
        return z.NEVER;
      }
    });
}

/**
 * A region code as users, reports and filters take it: "000000", a six-digit GB/T 2260 code, or a grid below a
 * district — a 街道/乡镇 (nine digits) or 社区/村 (twelve) that exists in 统计用区划代码.
 */
export const regionCodeField = z
  .string()
  .meta({
    description:
      'a GB/T 2260 region code: six digits (350206), a 街道/乡镇 of nine (350206001) or a 社区/村 of twelve (350206001001); 000000 for the country',
    examples: ['350206'],
  })
  .superRefine((value, context) => {
    const problem = regionCodeProblem(value);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  });
