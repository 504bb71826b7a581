import { z } from 'zod';
import { defineEvent, type EventData } from '../envelope';
import { ProjectStatus } from '../enums';
import { fen, gridCode, instant, month, projectCode, regionCode } from '../fields';
import { Topics } from '../topics';

/**
 * The "systems" of docs/domain.md's coverage for leaders. True or false where the metric applies to the project
 * that month; null where it does not: all five when the project was not in construction, the two payment
 * metrics when no worker was due wages for the month.
 */
const coverage = z.object({
  /** 实名制 */
  realName: z.boolean().nullable(),
  /** 专户 */
  wageAccount: z.boolean().nullable(),
  /** 保证金: met, or exempt. */
  deposit: z.boolean().nullable(),
  /** 银行代发 */
  bankPayroll: z.boolean().nullable(),
  /** 按月足额支付 */
  monthlyFullPayment: z.boolean().nullable(),
});
type Coverage = z.infer<typeof coverage>;

function isNullExactlyWhereNotApplicable(assessment: {
  inConstruction: boolean;
  workersDue: number;
  coverage: Coverage;
}): boolean {
  const { realName, wageAccount, deposit, bankPayroll, monthlyFullPayment } = assessment.coverage;
  const systemsApply = assessment.inConstruction;
  const paymentApplies = systemsApply && assessment.workersDue > 0;
  return (
    [realName, wageAccount, deposit].every((metric) => (metric !== null) === systemsApply) &&
    [bankPayroll, monthlyFullPayment].every((metric) => (metric !== null) === paymentApplies)
  );
}

/**
 * A project's standing for one month. Emitted again when late data change it; the latest `evaluatedAt` wins.
 */
export const MonthlyAssessmentCompleted = defineEvent(
  Topics.assessment,
  'MonthlyAssessmentCompleted',
  z
    .object({
      projectCode,
      regionCode,
      /** The project's grid (街道/乡镇 or 社区/村 inside `regionCode`), when it is placed in one. */
      gridCode: gridCode.optional(),
      month,
      /** At the end of the month. */
      status: ProjectStatus,
      /** In construction at any time in the month: the projects coverage is counted over. */
      inConstruction: z.boolean(),
      coverage,
      workersDue: z.number().int().nonnegative(),
      workersPaidInFull: z.number().int().nonnegative(),
      amountDueFen: fen,
      amountPaidFen: fen,
      evaluatedAt: instant,
    })
    .refine((assessment) => assessment.workersPaidInFull <= assessment.workersDue, {
      error: 'workersPaidInFull must not exceed workersDue',
      path: ['workersPaidInFull'],
    })
    .refine(isNullExactlyWhereNotApplicable, {
      error: 'a coverage metric is null exactly when it does not apply',
      path: ['coverage'],
    }),
);
export type MonthlyAssessmentCompleted = EventData<typeof MonthlyAssessmentCompleted>;
