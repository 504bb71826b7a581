import { z } from 'zod';
import { projectRegionProblem } from '@wage/domain';

/** Request fields checked by the domain's rules; each says what a good value looks like. */

export { creditCodeField, isoDateField, monthField, yuanField } from '@wage/platform';

/** A project's region: a district (county-level division) that exists in GB/T 2260. */
export const regionCodeField = z
  .string()
  .superRefine((value, context) => {
    const problem = projectRegionProblem(value);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  })
  .meta({
    description: 'the six-digit GB/T 2260 code of the district (county-level division) the project is in',
    examples: ['350206'],
  });

/** A grid below the project's district (checked against the district where the body names both). */
export const gridCodeField = z
  .string()
  .regex(
    /^\d{9}(\d{3})?$/,
    'must be the nine-digit code of a 街道/乡镇 or the twelve-digit code of a 社区/村',
  )
  .meta({
    description: "the 街道/乡镇 (9 digits) or 社区/村 (12 digits) of the project's district its site is in",
    examples: ['350206001'],
  });
