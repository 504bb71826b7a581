import { z } from 'zod';
import { isMonth } from '@wage/domain';
import { regionCodeParam } from '../../regions/region-scope';

export const monthParam = z
  .string()
  .refine(isMonth, 'must be a month YYYY-MM, e.g. "2026-03"')
  .meta({ description: 'a month YYYY-MM', examples: ['2026-10'] });

/** The longest trend one request may ask for: ten years of months. */
export const MAX_TREND_MONTHS = 120;

export const coverageQuery = z.strictObject({
  regionCode: regionCodeParam.optional(),
  month: monthParam.optional(),
});

export const coverageTrendQuery = z
  .strictObject({
    regionCode: regionCodeParam.optional(),
    from: monthParam.optional(),
    to: monthParam.optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    error: 'from must not be after to',
    path: ['from'],
  });
