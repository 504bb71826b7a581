import { z } from 'zod';
import { gridCode } from '@wage/contracts';
import { pageFields } from '../../common/fields';

export const VerificationStatus = z.enum(['OPEN', 'DONE', 'ESCALATED', 'WITHDRAWN']);

export const listVerificationsSchema = z.strictObject({
  gridCode: gridCode
    .meta({
      description: 'a grid (街道/乡镇 of 9 digits or 社区/村 of 12) and the grids inside it',
      examples: ['350206001'],
    })
    .optional(),
  status: VerificationStatus.optional(),
  ...pageFields,
});
export type ListVerificationsQuery = z.infer<typeof listVerificationsSchema>;
