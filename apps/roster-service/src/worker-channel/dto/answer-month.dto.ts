import { z } from 'zod';
import { WorkerDisputeReason, WorkerMonthResult } from '@wage/contracts';

export const answerMonthSchema = z
  .strictObject({
    result: WorkerMonthResult.meta({ description: 'CONFIRMED (工资无误) or DISPUTED (有异议)' }),
    reason: WorkerDisputeReason.optional().meta({
      description:
        'for a dispute: AMOUNT_WRONG (金额不对), NOT_RECEIVED (没收到), CARD_NOT_MINE (工资卡不是我的/不在我手里)',
    }),
    note: z.string().trim().min(1).max(500).optional().meta({ description: 'what the worker wants to add' }),
  })
  .refine((answer) => (answer.result === 'DISPUTED') === (answer.reason !== undefined), {
    error:
      '有异议时请选择原因（reason），确认无误时不填原因 (a dispute needs a reason; a confirmation takes none)',
    path: ['reason'],
  })
  .meta({ title: 'WorkerMonthAnswer' });
export type AnswerMonth = z.infer<typeof answerMonthSchema>;
