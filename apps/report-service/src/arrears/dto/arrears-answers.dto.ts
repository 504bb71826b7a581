import { z } from 'zod';
import { AlertCode, Severity } from '@wage/contracts';
import type { Documents } from '@wage/platform';
import type { GetArrearsUseCase } from '../use-cases/get-arrears/get-arrears.use-case';

// The answer of GET /arrears as the OpenAPI document describes it (the console's types are generated from it); tsc
// fails at the end of this file when the use case's answer and this schema drift apart.

const sums = z.object({
  openAlerts: z.number().int(),
  workersAffected: z.number().int(),
  amountOutstanding: z
    .string()
    .meta({ description: 'wages owed in yuan with two decimals', examples: ['1250.00'] }),
  amountOutstandingFen: z.number().int(),
});

const figures = z.object({
  ...sums.shape,
  unpaidWages: sums.meta({
    description: 'wages owed (WAGE_ARREARS, WAGE_UNDERPAID) apart from gaps and risks',
  }),
  otherAlerts: z.number().int(),
});

export const arrearsAnswer = z.object({
  ...figures.shape,
  regionCode: z.string(),
  month: z.string().nullable(),
  byCodeAndSeverity: z.array(z.object({ ...sums.shape, code: AlertCode, severity: Severity })),
  children: z.array(z.object({ ...figures.shape, regionCode: z.string() })),
});

export const arrearsAnswerDocumented: Documents<
  typeof arrearsAnswer,
  Awaited<ReturnType<GetArrearsUseCase['execute']>>
> = true;
