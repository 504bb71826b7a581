import { z } from 'zod';
import type { Documents } from '@wage/platform';
import type { GridCoverageUseCase } from '../use-cases/grid-coverage/grid-coverage.use-case';
import type { VisitPlanUseCase } from '../use-cases/visit-plan/visit-plan.use-case';

// The answers of /visit-plans and /grids as the OpenAPI document describes them (the console's types are generated
// from it). The checks at the end make tsc fail when a use case's answer and its documented schema drift apart.

const month = z.string().meta({ description: 'a month, YYYY-MM', examples: ['2026-10'] });

export const visitPlanAnswer = z.object({
  gridCode: z.string(),
  month,
  items: z.array(
    z.object({
      projectCode: z.string(),
      projectName: z.string(),
      reasons: z.array(z.enum(['C_GRADE', 'OPEN_ALERTS', 'PATROL_DUE'])).meta({
        description: "why the project is on the plan, in the plan's order",
      }),
      employerGrade: z
        .enum(['A', 'B', 'C'])
        .nullable()
        .meta({ description: "the grade in force of the project's contractor; null when not graded" }),
      patrolIntervalMonths: z.number().int().nullable().meta({
        description:
          'months without a visit after which the project is due one, by its grade and region; null when exempt',
      }),
      lastVisitedAt: z
        .string()
        .nullable()
        .meta({ description: 'the last visit before the month, an ISO 8601 instant in UTC' }),
      visitedThisMonth: z.boolean(),
    }),
  ),
  exempt: z
    .array(
      z.object({
        projectCode: z.string(),
        projectName: z.string(),
        reason: z.enum(['A_GRADE', 'B_GRADE', 'UNGRADED']),
      }),
    )
    .meta({
      description: "left out of routine patrols: the contractor's grade is exempt in the project's region",
    }),
});

export const gridsAnswer = z.object({
  regionCode: z.string(),
  month,
  grids: z.array(
    z.object({
      gridCode: z.string(),
      gridName: z.string().nullable().meta({ description: "the grid's name in 统计用区划代码, when known" }),
      projects: z.number().int().meta({ description: 'projects in construction in the grid' }),
      visitsThisMonth: z.number().int(),
      assistantsVisiting: z
        .number()
        .int()
        .meta({ description: 'grid assistants who recorded a visit that month' }),
      openVerifications: z.number().int(),
      overdueVerifications: z.number().int(),
    }),
  ),
  coverage: z
    .object({
      count: z.number().int(),
      of: z.number().int(),
      pct: z
        .number()
        .nullable()
        .meta({ description: 'count of `of` in percent, one decimal; null without grids' }),
    })
    .meta({ description: 'the grids a grid assistant visited that month, of all the grids' }),
});

type Answer<U extends { execute(...args: never[]): Promise<unknown> }> = Awaited<ReturnType<U['execute']>>;

export const visitAnswersDocumented: [
  Documents<typeof visitPlanAnswer, Answer<VisitPlanUseCase>>,
  Documents<typeof gridsAnswer, Answer<GridCoverageUseCase>>,
] = [true, true];
