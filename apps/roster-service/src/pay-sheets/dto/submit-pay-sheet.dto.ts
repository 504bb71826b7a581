import { z } from 'zod';
import { monthField } from '../../core/fields';

/** `POST /api/v1/projects/{code}/pay-sheets` (工资支付表): gross and net pay per worker, yuan strings. */
export const submitPaySheetBody = z.object({
  month: monthField,
  lines: z.array(z.unknown()).min(1, 'must list at least one line'),
});

export const payLine = z.object({ idNumber: z.string(), grossPay: z.string(), netPay: z.string() });
export type PayLine = z.infer<typeof payLine>;
