import { z } from 'zod';
import { ProjectStatus } from '@wage/contracts';
import { isoDateField } from '../../core/fields';

/** `PATCH /api/v1/projects/{code}`: 在建, 停工 or 竣工, from a date. */
export const changeProjectStatusBody = z.object({ status: ProjectStatus, effectiveDate: isoDateField });

export type ChangeProjectStatusBody = z.infer<typeof changeProjectStatusBody>;
