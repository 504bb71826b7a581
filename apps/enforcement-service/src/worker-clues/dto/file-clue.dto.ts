import { z } from 'zod';
import { monthField, text, yuanField } from '../../common/fields';

/**
 * An arrears clue (欠薪线索) from the workers' page. Who complains comes from the session and the roll, the employer
 * and region from the project: the worker says only what is owed, and how to reach them.
 */
export const fileClueSchema = z
  .strictObject({
    projectCode: z.string().trim().min(1).max(64),
    periodFrom: monthField,
    periodTo: monthField,
    amountOwed: yuanField({ positive: true }).optional(),
    workersAffected: z.number().int().min(1).max(10_000).optional(),
    description: text(2_000),
    /** 联系电话: for the inspector to call back. */
    phone: z
      .string()
      .trim()
      .regex(/^1\d{10}$/, 'must be a mobile number of 11 digits')
      .meta({ description: 'a mobile number to call back', examples: ['13800001234'] }),
  })
  .refine((c) => c.periodFrom <= c.periodTo, {
    path: ['periodTo'],
    message: 'must be the same month as periodFrom or later',
  });
export type FileClueDto = z.infer<typeof fileClueSchema>;
