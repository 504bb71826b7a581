import { z } from 'zod';
import type { Documents } from '@wage/platform';
import { METRICS } from '../coverage-figures';
import type { GetCoverageUseCase } from '../use-cases/get-coverage/get-coverage.use-case';
import type { GetCoverageTrendUseCase } from '../use-cases/get-coverage-trend/get-coverage-trend.use-case';

// The answers of /coverage as the OpenAPI document describes them (the console's types are generated from it); tsc
// fails at the end of this file when a use case's answer and its documented schema drift apart.

const metricShare = z.object({
  count: z.number().int(),
  of: z.number().int(),
  pct: z
    .number()
    .nullable()
    .meta({ description: 'one decimal; null when the metric applies to no project, or while it is pending' }),
  pendingUntil: z
    .string()
    .optional()
    .meta({ description: "a payment metric before the month's wages fall due: the last day they may be paid" }),
}).meta({ title: 'MetricShare' });

const coverageFigures = z.object({
  projectsInConstruction: z.number().int(),
  metrics: z
    .object(
      Object.fromEntries(METRICS.map((m) => [m, metricShare])) as Record<(typeof METRICS)[number], typeof metricShare>,
    )
    .meta({ title: 'CoverageMetrics' }),
});

export const coverageAnswer = z.object({
  ...coverageFigures.shape,
  regionCode: z.string(),
  regionName: z.string().nullable().meta({ description: 'the GB/T 2260 name; null for a code it does not know' }),
  month: z.string(),
  children: z.array(
    z.object({ ...coverageFigures.shape, regionCode: z.string(), regionName: z.string().nullable() }),
  ),
});

export const coverageTrendAnswer = z.object({
  regionCode: z.string(),
  from: z.string(),
  to: z.string(),
  series: z.array(z.object({ ...coverageFigures.shape, month: z.string() })),
});

export const coverageAnswersDocumented: [
  Documents<typeof coverageAnswer, Awaited<ReturnType<GetCoverageUseCase['execute']>>>,
  Documents<typeof coverageTrendAnswer, Awaited<ReturnType<GetCoverageTrendUseCase['execute']>>>,
] = [true, true];
