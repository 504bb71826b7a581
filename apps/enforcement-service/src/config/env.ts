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
import { checkCriminalThreshold, type CriminalThreshold, DomainError, parseYuan } from '@wage/domain';
import { database } from '../database';
import type { GradingSchedule } from '../gradings/jobs/grading-jobs';
import {
  DEFAULT_PATROL_INTERVALS,
  parsePatrolIntervals,
  type PatrolIntervals,
} from '../visits/patrol-intervals';

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
    /**
     * Each province's figures of 拒不支付劳动报酬罪 in yuan, as JSON by province code, e.g.
     * `{"350000":{"individual":"10000","group":"60000"}}`; a province not named (or the variable empty) takes the
     * national default.
     */
    CRIMINAL_THRESHOLDS: z
      .string()
      .default('{}')
      .transform((value, context) => {
        try {
          const parsed = z
            .record(
              z.string().regex(/^\d{2}0000$/, 'a province code such as 350000'),
              z.strictObject({ individual: z.string(), group: z.string() }),
            )
            .parse(JSON.parse(value.trim() === '' ? '{}' : value));
          const out: Record<string, CriminalThreshold> = {};
          for (const [province, figures] of Object.entries(parsed)) {
            const threshold = {
              individualFen: parseYuan(figures.individual),
              groupFen: parseYuan(figures.group),
            };
            checkCriminalThreshold(threshold);
            out[province] = threshold;
          }
          return out;
        } catch (error) {
          context.addIssue({
            code: 'custom',
            message:
              'must be JSON such as {"350000":{"individual":"10000","group":"60000"}} with figures within ' +
              `¥5,000–20,000 and ¥30,000–100,000: ${error instanceof DomainError ? error.message : String(error)}`,
          });
          return z.NEVER;
        }
      }),
    /**
     * The grid assistants' routine patrols by the contractor's integrity grade, per region:
     * `regionCode=grade:value;…` entries, comma-separated, the value the months without a visit after which a
     * project is due one, or `exempt`; the most specific region naming a grade counts, `000000` names every grade.
     */
    PATROL_INTERVALS: z
      .string()
      .transform((value, context) => {
        const parsed = parsePatrolIntervals(value);
        if ('problem' in parsed) {
          context.addIssue({ code: 'custom', message: parsed.problem });
          return z.NEVER;
        }
        return parsed.table;
      })
      .prefault(DEFAULT_PATROL_INTERVALS),
  });

export type Env = z.infer<typeof envSchema>;

export interface EnforcementSettings {
  alertServiceUrl: string;
  grading: GradingSchedule;
  /** The CJK font case documents are set in. */
  pdfFont: PdfFont;
  /** Provinces' figures of 拒不支付劳动报酬罪; the others take the national default. */
  criminalThresholds: Readonly<Record<string, CriminalThreshold>>;
  /** Routine patrol intervals by grade and region (the visit plans). */
  patrolIntervals: PatrolIntervals;
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
      criminalThresholds: env.CRIMINAL_THRESHOLDS,
      patrolIntervals: env.PATROL_INTERVALS,
    },
  };
}
