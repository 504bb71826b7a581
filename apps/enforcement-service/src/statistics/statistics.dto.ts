import { z } from 'zod';
import { monthField, regionFilterField } from '../common/fields';

export const statisticsQuerySchema = z
  .strictObject({
    regionCode: regionFilterField.optional(),
    /** The first month counted; by default January of the `to` month's year. */
    from: monthField.optional(),
    /** The last month counted; by default the current month. */
    to: monthField.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' });
export type StatisticsQuery = z.infer<typeof statisticsQuerySchema>;
