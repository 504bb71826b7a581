import { z } from 'zod';

/** Raised at boot when the environment is missing or has a bad value; names every offending variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment against one schema per app. An app calls this before it builds anything, so it refuses
 * to start on a bad or missing value instead of failing later in a request.
 */
export function loadEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) {
    if (env.NODE_ENV === 'production') refuseDevelopmentSecrets(env);
    return result.data;
  }
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(environment)';
      const missing = issue.path.length > 0 && env[String(issue.path[0])] === undefined;
      return missing ? `${name} is required: ${issue.message}` : `${name}: ${issue.message}`;
    }),
  );
}

/** The secrets a service may read; in production none may be a development, test or example value. */
const SECRET_VARIABLES = [
  'ADMIN_API_KEY',
  'JWT_SECRET',
  'PII_ENCRYPTION_KEYS',
  'BLIND_INDEX_KEY',
  'WEBHOOK_SIGNING_SECRET',
  'BOOTSTRAP_ADMIN_PASSWORD',
  'METRICS_TOKEN',
  'SMS_API_SECRET',
];
/** `npm run stack:up` makes dev-… keys, the tests test-… keys; the rest are what templates and examples say. */
const NOT_A_PRODUCTION_SECRET = /^(dev|test)-|change-?me|example|placeholder|^(secret|password)$/i;

function refuseDevelopmentSecrets(env: NodeJS.ProcessEnv): void {
  const problems = SECRET_VARIABLES.filter((name) => NOT_A_PRODUCTION_SECRET.test(env[name] ?? '')).map(
    (name) =>
      `${name}: is a development, test or example value, refused in production; generate one (openssl rand -base64 32)`,
  );
  if (problems.length > 0) throw new ConfigError(problems);
}

// 0 asks the system for any free port (in-process tests do).
const port = z.coerce.number().int().min(0).max(65535);

const url = (protocols: string[]) =>
  z
    .string()
    .min(1)
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    );

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

/** Reusable pieces of an app's env schema. */
export const envSchemas = {
  port,
  booleanFlag,
  /** Every app: who it is and how loudly it logs. */
  base: z.object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Where a service listens: loopback unless a container or pod needs 0.0.0.0 (compose and k8s set it). */
    HOST: z.string().min(1).default('127.0.0.1'),
    /** The bearer token Prometheus scrapes /metrics with; /metrics is off without it. */
    METRICS_TOKEN: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.string().min(24, 'must be at least 24 characters (openssl rand -base64 24)').optional(),
    ),
  }),
  database: z.object({
    DATABASE_URL: url(['postgres:', 'postgresql:']),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  }),
  redis: z.object({ REDIS_URL: url(['redis:', 'rediss:']) }),
  kafka: z.object({
    KAFKA_BROKERS: z
      .string()
      .min(1)
      .transform((value) => value.split(',').map((broker) => broker.trim()))
      .pipe(z.array(z.string().regex(/^[^\s:]+:\d+$/, 'each broker must be host:port')).min(1)),
    /** Prepended to every topic and consumer group; tests use it to keep files apart. */
    KAFKA_TOPIC_PREFIX: z
      .string()
      .regex(/^[a-zA-Z0-9._-]*$/, 'may contain only letters, digits, dot, underscore and dash')
      .default(''),
  }),
  /** A 32-byte secret in base64. */
  secretKey: z
    .string()
    .refine(
      (v) => Buffer.from(v, 'base64').length === 32,
      'must be 32 bytes encoded in base64 (openssl rand -base64 32)',
    ),
  /** Every service with an HTTP API: the administrator key and the secret that signs users' access tokens. */
  auth: z.object({
    ADMIN_API_KEY: z.string().min(24, 'must be at least 24 characters (openssl rand -base64 24)'),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)'),
  }),
};

/** Services that hold identity or card numbers: the encryption keys (with ids, for rotation) and the index key. */
export const personalDataEnv = z.object({
  PII_ENCRYPTION_KEYS: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+)*$/,
      'must look like "id:base64key,id2:base64key"',
    ),
  PII_ACTIVE_KEY_ID: z.string().regex(/^[A-Za-z0-9_-]+$/),
  /** The same value in every service that computes blind indexes, or their hashes will not match. */
  BLIND_INDEX_KEY: envSchemas.secretKey,
});
