import { z } from 'zod';
import { isRegionCode, NATIONAL_REGION } from '@wage/domain';
import { identityNumberField, regionCodeField as anyRegionCodeField } from '@wage/platform';

export { creditCodeField, isoDateField, monthField, yuanField } from '@wage/platform';

// Casework's own request fields; the ones every service shares come from @wage/platform.

export const text = (max: number) => z.string().trim().min(1).max(max);

export const regionCodeField = z
  .string()
  .refine(
    (value) => isRegionCode(value) && value !== NATIONAL_REGION,
    'must be the six-digit GB/T 2260 code of a district, e.g. "350206"',
  )
  .meta({ description: 'the six-digit GB/T 2260 code of a district, not 000000', examples: ['350206'] });

export const regionFilterField = anyRegionCodeField;

export const pageFields = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

export const uuidParam = z.uuid({ message: 'must be a UUID' });

export const idNumberField = identityNumberField();
