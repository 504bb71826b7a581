import { z } from 'zod';
import { VerificationResult } from '@wage/contracts';
import { isGridCode } from '@wage/domain';
import {
  isoDateField,
  monthField,
  pageFields,
  regionFilterField,
  text,
  uuidParam,
} from '../../common/fields';

/** A 街道/乡镇 (9 digits) or 社区/村 (12 digits) of 统计用区划代码. */
export const gridCodeField = z
  .string()
  .refine(
    (value) => /^\d{9}(\d{3})?$/.test(value) && isGridCode(value),
    'must be the nine-digit code of a 街道/乡镇 or the twelve-digit code of a 社区/村, e.g. "350206001"',
  )
  .meta({ description: 'a grid: 街道/乡镇 (9 digits) or 社区/村 (12 digits)', examples: ['350206001'] });

const result = VerificationResult.meta({
  description:
    'CONFIRMED (the data is right), NOT_CONFIRMED (the site says otherwise) or CORRECTED (put right)',
});

export const recordVisitSchema = z.strictObject({
  projectCode: z.string().trim().min(1).max(64),
  at: z.iso
    .datetime({ offset: true, error: 'must be an instant with its offset, e.g. "2026-10-12T09:30:00+08:00"' })
    .meta({ description: 'when the visit took place: not in the future, at most 31 days ago' }),
  findings: text(2_000).meta({
    description: 'what the visit found (1–2000 characters); no worker identities',
  }),
  verifies: z
    .union([
      z.strictObject({ alertId: uuidParam.meta({ description: "the alert's id in alert-service" }), result }),
      z.strictObject({ complaintId: uuidParam.meta({ description: 'the complaint or clue id' }), result }),
    ])
    .optional(),
});
export type RecordVisitDto = z.infer<typeof recordVisitSchema>;

export const listVisitsSchema = z.strictObject({
  gridCode: gridCodeField.optional(),
  projectCode: z.string().trim().min(1).max(64).optional(),
  from: isoDateField.optional().meta({ description: 'visits on or after this day (Shanghai)' }),
  to: isoDateField.optional().meta({ description: 'visits on or before this day (Shanghai)' }),
  ...pageFields,
});
export type ListVisitsDto = z.infer<typeof listVisitsSchema>;

export const visitPlanSchema = z.strictObject({
  gridCode: gridCodeField
    .optional()
    .meta({ description: "the grid; a grid assistant's own grid by default" }),
  month: monthField.optional().meta({ description: 'the month planned; this month by default' }),
});
export type VisitPlanDto = z.infer<typeof visitPlanSchema>;

export const gridsSchema = z.strictObject({
  regionCode: regionFilterField
    .optional()
    .meta({ description: "a district or above, or a 街道/乡镇; the caller's region by default" }),
  month: monthField.optional().meta({ description: 'the month counted; this month by default' }),
});
export type GridsDto = z.infer<typeof gridsSchema>;
