import { z } from 'zod';
import { envSchemas, standardDefinition, type ServiceDefinition } from '@wage/platform';
import { database } from '../database';
import type { EvaluationSettings } from '../evaluation/evaluation-settings';
import type { SchedulingSettings } from '../evaluation/jobs/evaluation-jobs';

export const envSchema = envSchemas.base
  .extend(envSchemas.database.shape)
  .extend(envSchemas.redis.shape)
  .extend(envSchemas.kafka.shape)
  .extend(envSchemas.auth.shape)
  .extend({
    PORT: envSchemas.port.default(3003),
    /** Keeps BullMQ's keys apart per deployment or per test. */
    BULLMQ_PREFIX: z
      .string()
      .regex(/^[a-zA-Z0-9_-]+$/, 'may contain only letters, digits, underscore and dash')
      .default('wage'),
    /**
     * When the time-driven sweep runs, as a cron pattern in Asia/Shanghai time (5 fields, or 6 with seconds).
     * Deadlines pass at local midnight, so the default top of every hour also catches each day's new arrears.
     */
    EVALUATION_SCHEDULE: z
      .string()
      .regex(/^\S+( \S+){4,5}$/, 'must be a cron pattern of 5 or 6 fields, e.g. "0 * * * *" for hourly')
      .default('0 * * * *'),
    /**
     * Seconds the time-driven sweep waits for the read model to consume what was published before it began; past
     * that (a Kafka outage, a long backlog) the run is retried later instead of judging on stale data.
     */
    READ_MODEL_CATCH_UP_SECONDS: z.coerce
      .number()
      .int('must be a whole number of seconds')
      .min(1, 'must be at least 1 second')
      .max(3_600, 'must be at most 3600 seconds (one hour)')
      .default(120),
    /**
     * Seconds an absence verdict (no payment, no sheet, no attendance...) must hold before it is raised; data that
     * end it within this period mean nothing is published or notified. The demo and tests set it shorter.
     */
    ALERT_SETTLE_SECONDS: z.coerce
      .number()
      .int('must be a whole number of seconds')
      .min(0, 'must be 0 or more seconds')
      .max(86_400, 'must be at most 86400 seconds (one day)')
      .default(900),
    /**
     * Batches of project-months (50 projects each) a sweep evaluates at the same time, each in its own
     * transaction and database connection: keep it well below DATABASE_POOL_SIZE.
     */
    SWEEP_CONCURRENCY: z.coerce
      .number()
      .int('must be a whole number of batches')
      .min(1, 'must be at least 1')
      .max(16, 'must be at most 16')
      .default(3),
  });

export type Env = z.infer<typeof envSchema>;

/** The platform's definition plus when the scheduled evaluation runs. */
export interface RulesEngineDefinition extends ServiceDefinition {
  scheduling: SchedulingSettings;
  evaluation: EvaluationSettings;
}

export function serviceDefinition(env: Env): RulesEngineDefinition {
  return {
    ...standardDefinition('rules-engine', env, { database, outbox: true }),
    scheduling: {
      bullmqPrefix: env.BULLMQ_PREFIX,
      evaluationSchedule: env.EVALUATION_SCHEDULE,
      catchUpSeconds: env.READ_MODEL_CATCH_UP_SECONDS,
    },
    evaluation: { settleSeconds: env.ALERT_SETTLE_SECONDS, sweepConcurrency: env.SWEEP_CONCURRENCY },
  };
}
