import { z } from 'zod';
import { envSchemas, type ServiceDefinition } from '@wage/platform';
import type { ServiceName } from '../routing/routes';

const upstreamUrl = z
  .string()
  .refine(
    (v) => /^https?:\/\/[^/\s]+\/?$/.test(v),
    'must be an http:// or https:// origin without a path, e.g. http://127.0.0.1:3001',
  )
  .transform((v) => v.replace(/\/$/, ''));

export const envSchema = envSchemas.base.extend({
  PORT: envSchemas.port.default(8080),
  ROSTER_SERVICE_URL: upstreamUrl.default('http://127.0.0.1:3001'),
  WAGE_ACCOUNT_SERVICE_URL: upstreamUrl.default('http://127.0.0.1:3002'),
  RULES_ENGINE_URL: upstreamUrl.default('http://127.0.0.1:3003'),
  ALERT_SERVICE_URL: upstreamUrl.default('http://127.0.0.1:3004'),
  REPORT_SERVICE_URL: upstreamUrl.default('http://127.0.0.1:3005'),
  ENFORCEMENT_SERVICE_URL: upstreamUrl.default('http://127.0.0.1:3006'),
  /** Largest request body passed on; a 10,000-row batch or a worker-roll upload fits in the default 25 MB. */
  GATEWAY_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .default(25 * 1024 * 1024),
  /** Requests to /api/v1 per client address per minute, counted by this gateway instance. */
  GATEWAY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1_200),
  /** How long a service may take to start answering (a live stream only has to send its headers). */
  GATEWAY_UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).default(120_000),
  /** The built web console; served at / when set. */
  CONSOLE_DIR: z.string().min(1).optional(),
  /** The built workers' page (apps/worker-portal); served at /worker when set. */
  WORKER_PORTAL_DIR: z.string().min(1).optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface GatewaySettings {
  upstreams: Record<ServiceName, string>;
  maxBodyBytes: number;
  rateLimitPerMinute: number;
  upstreamTimeoutMs: number;
  consoleDir?: string;
  workerPortalDir?: string;
}

/** The platform's definition plus the gateway's own settings. The gateway has no database and no auth. */
export interface GatewayDefinition extends ServiceDefinition {
  gateway: GatewaySettings;
}

export function serviceDefinition(env: Env): GatewayDefinition {
  return {
    name: 'gateway',
    host: env.HOST,
    port: env.PORT,
    metricsToken: env.METRICS_TOKEN,
    logLevel: env.LOG_LEVEL,
    gateway: {
      upstreams: {
        'roster-service': env.ROSTER_SERVICE_URL,
        'wage-account-service': env.WAGE_ACCOUNT_SERVICE_URL,
        'rules-engine': env.RULES_ENGINE_URL,
        'alert-service': env.ALERT_SERVICE_URL,
        'report-service': env.REPORT_SERVICE_URL,
        'enforcement-service': env.ENFORCEMENT_SERVICE_URL,
      },
      maxBodyBytes: env.GATEWAY_MAX_BODY_BYTES,
      rateLimitPerMinute: env.GATEWAY_RATE_LIMIT_PER_MINUTE,
      upstreamTimeoutMs: env.GATEWAY_UPSTREAM_TIMEOUT_MS,
      consoleDir: env.CONSOLE_DIR,
      workerPortalDir: env.WORKER_PORTAL_DIR,
    },
  };
}
