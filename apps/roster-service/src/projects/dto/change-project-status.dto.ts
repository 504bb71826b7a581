import { z } from 'zod';
import { ProjectStatus } from '@wage/contracts';
import { isoDateField } from '../../common/fields';

const note = (description: string) => z.string().trim().min(1).max(500).optional().meta({ description });

/**
 * `PATCH /api/v1/projects/{code}`: 在建, 停工 or 竣工, from a date. From a project it is a request that an
 * inspector or administrator decides.
 */
export const changeProjectStatusBody = z.object({
  status: ProjectStatus,
  effectiveDate: isoDateField,
  reason: note('why: the stop-work order, the completion acceptance (竣工验收), the resumption'),
});

export type ChangeProjectStatusBody = z.infer<typeof changeProjectStatusBody>;

/** `POST /api/v1/projects/{code}/status-requests/{id}/approve` or `/reject`. */
export const decideStatusRequestBody = z.object({
  note: note("the decider's note, e.g. what the site visit found"),
});

export type DecideStatusRequestBody = z.infer<typeof decideStatusRequestBody>;
