import { z } from 'zod';
import { envSchemas, standardDefinition, type ServiceDefinition } from '@wage/platform';
import { database } from '../database';
import { isAllowListEntry } from '../notifications/channels/webhook-targets';
import type { AlertSettings } from './alert-settings';

const httpUrl = z
  .string()
  .refine((v) => /^https?:\/\/[^\s]+$/.test(v), 'must be an http:// or https:// URL without a trailing path');

export const envSchema = envSchemas.base
  .extend(envSchemas.database.shape)
  .extend(envSchemas.redis.shape)
  .extend(envSchemas.kafka.shape)
  .extend(envSchemas.auth.shape)
  .extend({
    PORT: envSchemas.port.default(3004),
    /** Keeps BullMQ's keys (and the in-app stream channel) apart per deployment or per test. */
    BULLMQ_PREFIX: z
      .string()
      .regex(/^[a-zA-Z0-9_-]+$/, 'may contain only letters, digits, underscore and dash')
      .default('wage'),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
    /** The failed login of one username from one address at which that pair starts to wait before trying again. */
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    /** The first wait; it doubles with each further failure up to LOGIN_LOCKOUT_SECONDS. */
    LOGIN_DELAY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(30),
    LOGIN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
    /** Live alert streams (GET /alerts/stream) one user may hold open at once: a few browser tabs. */
    ALERT_STREAMS_PER_USER: z.coerce.number().int().min(1).max(1_000).default(10),
    /** The first administrator, created at boot if no user of that name exists. */
    BOOTSTRAP_ADMIN_USERNAME: z.string().min(1).optional(),
    BOOTSTRAP_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    SMTP_URL: z
      .string()
      .refine((v) => /^smtps?:\/\/\S+$/.test(v), 'must be a URL starting with smtp:// or smtps://')
      .default('smtp://127.0.0.1:1025'),
    /** SMTP connections kept open for e-mail notifications (each carries up to 1,000 messages, then reconnects). */
    SMTP_POOL_CONNECTIONS: z.coerce.number().int().min(1).max(100).default(5),
    MAIL_FROM: z.string().min(3).default('wage-guard <alerts@wage-guard.local>'),
    /** Where the web console is, for the link in each notification. */
    CONSOLE_BASE_URL: httpUrl.default('http://127.0.0.1:8080'),
    WEBHOOK_SIGNING_SECRET: z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)'),
    /**
     * Loopback, private and link-local addresses webhooks may reach, set by the administrator: comma-separated
     * hostnames, addresses or CIDR networks (e.g. a receiver inside the cluster). Empty: public receivers only.
     */
    WEBHOOK_ALLOWED_HOSTS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z
            .string()
            .refine(
              isAllowListEntry,
              'each entry is a hostname, an IP address or a CIDR network like 10.0.0.0/8',
            ),
        ),
      ),
    NOTIFY_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
    /** First retry delay; each further retry waits twice as long (30 s, 1 min, 2 min, ...). */
    NOTIFY_BACKOFF_MS: z.coerce.number().int().min(1).max(3_600_000).default(30_000),
    /** Deliveries per second across the service, per channel (WeCom and DingTalk keep their robots' 20/min). */
    NOTIFY_WEBHOOK_PER_SECOND: z.coerce.number().int().min(1).max(10_000).default(2_000),
    NOTIFY_EMAIL_PER_SECOND: z.coerce.number().int().min(1).max(10_000).default(20),
    /** Deliveries in flight per channel worker: they mostly wait on the network. */
    NOTIFY_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(128),
    /** Run the escalation sweep and the daily digest on their schedules (tests call them directly instead). */
    JOB_SCHEDULES_ENABLED: envSchemas.booleanFlag.default(true),
    ESCALATION_SWEEP_SECONDS: z.coerce.number().int().min(5).max(3_600).default(60),
    /** When the daily BLUE digest goes out, in Asia/Shanghai time (cron syntax). */
    DIGEST_CRON: z.string().min(9).default('0 8 * * *'),
  })
  .superRefine((env, context) => {
    if ((env.BOOTSTRAP_ADMIN_USERNAME === undefined) !== (env.BOOTSTRAP_ADMIN_PASSWORD === undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['BOOTSTRAP_ADMIN_PASSWORD'],
        message: 'set BOOTSTRAP_ADMIN_USERNAME and BOOTSTRAP_ADMIN_PASSWORD together, or neither',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** The platform's definition plus this service's own settings. */
export interface AlertServiceDefinition extends ServiceDefinition {
  alerts: AlertSettings;
}

export function serviceDefinition(env: Env): AlertServiceDefinition {
  return {
    ...standardDefinition('alert-service', env, { database, outbox: true }),
    alerts: {
      redisUrl: env.REDIS_URL,
      bullmqPrefix: env.BULLMQ_PREFIX,
      jwtSecret: env.JWT_SECRET,
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      loginThrottle: {
        freeFailures: env.LOGIN_MAX_FAILURES,
        firstDelaySeconds: env.LOGIN_DELAY_SECONDS,
        maxDelaySeconds: Math.max(env.LOGIN_DELAY_SECONDS, env.LOGIN_LOCKOUT_SECONDS),
      },
      streamsPerUser: env.ALERT_STREAMS_PER_USER,
      bootstrapAdmin:
        env.BOOTSTRAP_ADMIN_USERNAME && env.BOOTSTRAP_ADMIN_PASSWORD
          ? { username: env.BOOTSTRAP_ADMIN_USERNAME, password: env.BOOTSTRAP_ADMIN_PASSWORD }
          : undefined,
      smtpUrl: env.SMTP_URL,
      smtpConnections: env.SMTP_POOL_CONNECTIONS,
      mailFrom: env.MAIL_FROM,
      consoleBaseUrl: env.CONSOLE_BASE_URL.replace(/\/+$/, ''),
      webhookSigningSecret: env.WEBHOOK_SIGNING_SECRET,
      webhookAllowedHosts: env.WEBHOOK_ALLOWED_HOSTS,
      notifyAttempts: env.NOTIFY_ATTEMPTS,
      notifyBackoffMs: env.NOTIFY_BACKOFF_MS,
      webhookPerSecond: env.NOTIFY_WEBHOOK_PER_SECOND,
      emailPerSecond: env.NOTIFY_EMAIL_PER_SECOND,
      workerConcurrency: env.NOTIFY_CONCURRENCY,
      jobSchedulesEnabled: env.JOB_SCHEDULES_ENABLED,
      escalationSweepSeconds: env.ESCALATION_SWEEP_SECONDS,
      digestCron: env.DIGEST_CRON,
    },
  };
}
