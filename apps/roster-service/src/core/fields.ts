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
