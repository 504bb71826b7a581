import { z } from 'zod';
import { AlertCode, AlertStatus, Severity } from '@wage/contracts';
import { isMonth } from '@wage/domain';
import { regionCodeField } from '@wage/platform';

export const listAlertsSchema = z.strictObject({
  status: AlertStatus.optional(),
  code: AlertCode.optional(),
  severity: Severity.optional(),
  projectCode: z.string().min(1).max(64).optional(),
  regionCode: regionCodeField.optional(),
  month: z
    .string()
    .refine(isMonth, 'must be YYYY-MM')
    .meta({ description: 'a month YYYY-MM', examples: ['2026-10'] })
    .optional(),
  open: z
    .enum(['true', 'false'])
    .meta({
      description: 'true: only alerts still to be handled (OPEN or ACKNOWLEDGED); false: only closed ones',
    })
    .optional(),
  sort: z
    .enum(['recent', 'urgency'])
    .meta({
      description:
        'recent (the default): newest first; urgency: most severe first, then the longest raised (the work order)',
    })
    .default('recent'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAlertsQuery = z.infer<typeof listAlertsSchema>;

const text = z.string().trim().min(1).max(4_000);
export const acknowledgeSchema = z.strictObject({ note: text.optional() });
export const resolveSchema = z.strictObject({ note: text });
export const dismissSchema = z.strictObject({ reason: text });
export const assignSchema = z.strictObject({ username: z.string().min(1).max(64), note: text.optional() });
