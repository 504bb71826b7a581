import { z } from 'zod';
import { instant, month, projectCode } from '@wage/contracts';

/** `POST /evaluations`: which month and project (default: the current and previous month, every project). */
export const runEvaluationBody = z
  .object({ month: month.optional(), projectCode: projectCode.optional(), asOf: instant.optional() })
  .strict();
