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
import type { GradingSchedule } from '../gradings/jobs/grading-jobs';

const httpOrigin = z
  .string()
  .refine(
    (v) => /^https?:\/\/[^/\s]+\/?$/.test(v),
    'must be an http:// or https:// origin without a path, e.g. http://127.0.0.1:3004',
  )
  .transform((v) => v.replace(/\/$/, ''));

export const envSchema = envSchemas.base
  .extend(envSchemas.database.shape)
  .extend(envSchemas.redis.shape)
  .extend(envSchemas.kafka.shape)
  .extend(envSchemas.auth.shape)
  .extend(personalDataEnv.shape)
  .extend(pdfFontEnv.shape)
  .extend({
    PORT: envSchemas.port.default(3006),
    /** Where alert-service answers, to read an alert a case is opened from (with the caller's own token). */
    ALERT_SERVICE_URL: httpOrigin.default('http://127.0.0.1:3004'),
    /** Keeps BullMQ's keys apart per deployment or per test. */
    BULLMQ_PREFIX: z
      .string()
      .regex(/^[a-zA-Z0-9_-]+$/, 'may contain only letters, digits, underscore and dash')
      .default('wage'),
    /** When the annual integrity grading runs (for the year before), as a cron pattern in Asia/Shanghai time. */
    GRADING_SCHEDULE: z
      .string()
      .regex(
        /^\S+( \S+){4,5}$/,
        'must be a cron pattern of 5 or 6 fields, e.g. "0 2 2 1 *" for 2 January at 02:00',
      )
      .default('0 2 2 1 *'),
  });

export type Env = z.infer<typeof envSchema>;

export interface EnforcementSettings {
  alertServiceUrl: string;
  grading: GradingSchedule;
  /** The CJK font case documents are set in. */
  pdfFont: PdfFont;
}

export interface EnforcementServiceDefinition extends ServiceDefinition {
  enforcement: EnforcementSettings;
}

export function serviceDefinition(env: Env): EnforcementServiceDefinition {
  return {
    ...standardDefinition('enforcement-service', env, { database, outbox: true }),
    enforcement: {
      alertServiceUrl: env.ALERT_SERVICE_URL,
      grading: { bullmqPrefix: env.BULLMQ_PREFIX, gradingSchedule: env.GRADING_SCHEDULE },
      pdfFont: pdfFontOf(env),
    },
  };
}
