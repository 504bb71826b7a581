import { z } from 'zod';
import {
  envSchemas,
  pdfFontEnv,
  pdfFontOf,
  personalDataEnv,
  standardDefinition,
  type PdfFont,
  type ServiceDefinition,
} from '@wage/platform';
import { database } from '../database';

const httpOrigin = z
  .string()
  .refine(
    (v) => /^https?:\/\/[^/\s]+\/?$/.test(v),
    'must be an http:// or https:// origin without a path, e.g. http://127.0.0.1:3004',
  )
  .transform((v) => v.replace(/\/$/, ''));

export const envSchema = envSchemas.base
  .extend(envSchemas.database.shape)
  .extend(envSchemas.kafka.shape)
  .extend(envSchemas.auth.shape)
  .extend(personalDataEnv.shape)
  .extend(pdfFontEnv.shape)
  .extend({
    PORT: envSchemas.port.default(3006),
    /** Where alert-service answers, to read an alert a case is opened from (with the caller's own token). */
    ALERT_SERVICE_URL: httpOrigin.default('http://127.0.0.1:3004'),
  });

export type Env = z.infer<typeof envSchema>;

export interface EnforcementSettings {
  alertServiceUrl: string;
  /** The CJK font case documents are set in. */
  pdfFont: PdfFont;
}

export interface EnforcementServiceDefinition extends ServiceDefinition {
  enforcement: EnforcementSettings;
}

export function serviceDefinition(env: Env): EnforcementServiceDefinition {
  return {
    ...standardDefinition('enforcement-service', env, { database, outbox: true }),
    enforcement: { alertServiceUrl: env.ALERT_SERVICE_URL, pdfFont: pdfFontOf(env) },
  };
}
