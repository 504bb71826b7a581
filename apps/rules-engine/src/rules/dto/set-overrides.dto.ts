import { z } from 'zod';
import { isoDate, regionCode } from '@wage/contracts';

/**
 * `PUT /rules/{regionCode}`: `parameters` names a parameter of every rule (`graceDays`) or of one rule
 * (`WAGE_ARREARS.graceDays`); null lifts a cap. A change effective before today needs a `reason`.
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
    /** Why: required when `effectiveFrom` is before today (a retroactive change), kept in the audit trail. */
    reason: z.string().trim().min(1).max(1000).optional(),
    /**
     * A retroactive change applies to months that have closed only when asked: true re-evaluates the region's
     * months from `effectiveFrom` on; false or absent leaves the verdicts of closed months as they were.
     */
    reevaluate: z.boolean().optional(),
  })
  .strict();

export const regionQuery = z.object({ regionCode: regionCode.optional() });
export const regionParam = regionCode;

export type SetOverridesBody = z.infer<typeof setOverridesBody>;
