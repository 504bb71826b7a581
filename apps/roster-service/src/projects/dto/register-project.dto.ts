import { z } from 'zod';
import {
  creditCodeField,
  gridCodeField,
  isoDateField,
  regionCodeField,
  yuanField,
} from '../../common/fields';
import { gridCodeProblem } from '@wage/domain';

const name = z.string().trim().min(1, 'must not be empty').max(200);

/** `POST /api/v1/projects`. */
export const registerProjectBody = z
  .object({
    // It appears in paths and Kafka keys, so it is kept to characters that need no escaping.
    code: z
      .string()
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
        'must be 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit',
      ),
    name,
    regionCode: regionCodeField,
    gridCode: gridCodeField.optional(),
    contractor: z.object({ name, creditCode: creditCodeField }),
    owner: z.object({ name, creditCode: creditCodeField.optional() }),
    contractAmount: yuanField({ positive: true }),
    startDate: isoDateField,
    plannedEndDate: isoDateField.optional(),
    payday: z.number().int().min(1).max(31),
  })
  .refine((body) => body.plannedEndDate === undefined || body.plannedEndDate >= body.startDate, {
    error: 'must not be before startDate',
    path: ['plannedEndDate'],
  })
  .superRefine((body, context) => {
    // The field's own check has spoken for a malformed code; this one places a well-formed code.
    if (body.gridCode === undefined || !/^\d{9}(\d{3})?$/.test(body.gridCode)) return;
    const problem = gridCodeProblem(body.gridCode, body.regionCode);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem, path: ['gridCode'] });
  });

export type RegisterProjectBody = z.infer<typeof registerProjectBody>;
