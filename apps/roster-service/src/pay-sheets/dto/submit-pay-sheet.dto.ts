import { z } from 'zod';
import { monthField } from '../../common/fields';

/** `POST /api/v1/projects/{code}/pay-sheets` (工资支付表): gross and net pay per worker, yuan strings. */
export const submitPaySheetBody = z.object({
  month: monthField,
  lines: z.array(z.unknown()).min(1, 'must list at least one line'),
});

export const payLine = z.object({ idNumber: z.string(), grossPay: z.string(), netPay: z.string() });
/** The body as the API documents it: the envelope with its rows' shape. */
export const submitPaySheetDocumented = submitPaySheetBody.extend({ lines: z.array(payLine).min(1) });

export type PayLine = z.infer<typeof payLine>;
