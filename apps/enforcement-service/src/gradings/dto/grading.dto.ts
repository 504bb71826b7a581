import { z } from 'zod';
import { INTEGRITY_GRADES } from '@wage/domain';
import { creditCodeField, pageFields, regionFilterField } from '../../common/fields';

const yearField = z
  .number()
  .int()
  .min(2000)
  .max(9999)
  .meta({ examples: [2025] });

export const runGradingSchema = z.strictObject({
  /** The calendar year whose record is graded (the previous year, in January). */
  year: yearField,
  regionCode: regionFilterField.optional(),
});
export type RunGradingDto = z.infer<typeof runGradingSchema>;

export const listGradingsSchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(9999).optional(),
  regionCode: regionFilterField.optional(),
  grade: z.enum(INTEGRITY_GRADES).optional(),
  ...pageFields,
});
export type ListGradingsQuery = z.infer<typeof listGradingsSchema>;

export const creditCodeParam = creditCodeField;

export const gradeStatisticsSchema = z.strictObject({
  regionCode: regionFilterField.optional(),
  /** The grades given for this year; without it, the grades in force. Listings and removals: this year's. */
  year: z.coerce.number().int().min(2000).max(9999).optional(),
});
export type GradeStatisticsQuery = z.infer<typeof gradeStatisticsSchema>;
