import { z } from 'zod';

/** `POST /api/v1/projects/{code}/pay-sheets/{month}/revisions/{id}/accept` or `/reject`: why, for the audit. */
export const decidePaySheetRevisionBody = z.object({
  reason: z
    .string()
    .trim()
    .min(1, '请说明审核理由，例如核对了哪些考勤与银行代发记录')
    .max(500)
    .meta({ description: 'why: what the inspector checked (attendance, bank payroll, the workers heard)' }),
});

export type DecidePaySheetRevisionBody = z.infer<typeof decidePaySheetRevisionBody>;
