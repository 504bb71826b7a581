import { z } from 'zod';
import { isoDate, regionCode } from '@wage/contracts';

/**
 * `PUT /rules/{regionCode}`: `parameters` names a parameter of every rule (`graceDays`) or of one rule
 * (`WAGE_ARREARS.graceDays`); null lifts a cap.
 */
export const setOverridesBody = z
  .object({
    effectiveFrom: isoDate,
    parameters: z
      .record(
        z.string().regex(/^([A-Z_]+\.)?[a-zA-Z]+$/, 'must be a parameter name, optionally RULE_CODE.name'),
        z.number().nullable(),
      )
      .refine((parameters) => Object.keys(parameters).length > 0, 'name at least one parameter'),
  })
  .strict();

export const regionQuery = z.object({ regionCode: regionCode.optional() });
export const regionParam = regionCode;
