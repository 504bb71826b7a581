import { z } from 'zod';
import { isIsoDate } from '@wage/domain';

const date = z
  .string()
  .refine(isIsoDate, 'must be a real calendar date YYYY-MM-DD, e.g. "2027-02-11"')
  .meta({ description: 'a date YYYY-MM-DD', format: 'date', examples: ['2027-02-11'] });

export const yearParam = z.coerce
  .number()
  .int('must be a year such as 2027')
  .min(2000, 'must be a year from 2000 to 2100')
  .max(2100, 'must be a year from 2000 to 2100');

/** `PUT /api/v1/calendar/{year}`: the State Council's notice for the year. */
export const enterCalendarBody = z.strictObject({
  /** 法定节假日 and the rest days moved next to them. */
  holidays: z.array(date).max(366),
  /** Weekend days worked (调休上班). */
  workingDays: z.array(date).max(366),
  /** Where it comes from, e.g. the notice's number and address. */
  source: z.string().trim().min(1, 'must say where the schedule comes from, e.g. the notice').max(500),
});
export type EnterCalendarBody = z.infer<typeof enterCalendarBody>;
