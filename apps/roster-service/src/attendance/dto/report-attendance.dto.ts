import { z } from 'zod';
import { monthField } from '../../common/fields';

/** `POST /api/v1/projects/{code}/attendance` (考勤): days worked per worker in the month. */
export const reportAttendanceBody = z.object({
  month: monthField,
  records: z.array(z.unknown()).min(1, 'must list at least one record'),
});

export const attendanceRecord = z.object({ idNumber: z.string(), daysWorked: z.number() });
/** The body as the API documents it: the envelope with its rows' shape. */
export const reportAttendanceDocumented = reportAttendanceBody.extend({
  records: z.array(attendanceRecord).min(1),
});

export type AttendanceRecord = z.infer<typeof attendanceRecord>;
