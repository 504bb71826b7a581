import type { AuthSettings } from './auth/auth.guard';
import type { Clock } from './clock/clock';
import type { DatabaseSettings } from './database/data-source';

/** What one service is and which infrastructure it uses; the platform module wires exactly that. */
export interface ServiceDefinition {
  name: string;
  /** The address to listen on: 127.0.0.1 on a developer's machine, 0.0.0.0 in a container. */
  host: string;
  port: number;
  /** The bearer token /metrics and detailed health need; without it /metrics is off. */
  metricsToken?: string;
  logLevel: string;
  database?: DatabaseSettings;
  redisUrl?: string;
  kafka?: { brokers: string[]; topicPrefix: string };
  /** Run the outbox relay (needs database and kafka). */
  outbox?: boolean;
  /** Protect the HTTP API: every endpoint needs a bearer token unless marked @Public(). */
  auth?: AuthSettings;
  /** Encrypt identity and card numbers and keep their blind index. */
  personalData?: { encryptionKeys: string; activeKeyId: string; blindIndexKey: string };
  /** The time the service goes by: the system's unless a test gives its own. */
  clock?: Clock;
}

/** The variables every service reads the same way; each app's env schema has the ones it uses. */
export interface StandardEnv {
  HOST: string;
  PORT: number;
  METRICS_TOKEN?: string;
  LOG_LEVEL: string;
  DATABASE_URL?: string;
  DATABASE_POOL_SIZE?: number;
  REDIS_URL?: string;
  KAFKA_BROKERS?: string[];
  KAFKA_TOPIC_PREFIX?: string;
  ADMIN_API_KEY?: string;
  JWT_SECRET?: string;
  PII_ENCRYPTION_KEYS?: string;
  PII_ACTIVE_KEY_ID?: string;
  BLIND_INDEX_KEY?: string;
}

/**
 * A service's definition from its parsed environment: each piece of infrastructure is wired when the service's
 * env schema has its variables (the database also needs the service's schema and migrations).
 */
export function standardDefinition(
  name: string,
  env: StandardEnv,
  parts: { database?: Omit<DatabaseSettings, 'url' | 'poolSize'>; outbox?: boolean } = {},
): ServiceDefinition {
  const definition: ServiceDefinition = {
    name,
    host: env.HOST,
    port: env.PORT,
    metricsToken: env.METRICS_TOKEN,
    logLevel: env.LOG_LEVEL,
    outbox: parts.outbox,
  };
  if (parts.database && env.DATABASE_URL) {
    definition.database = { ...parts.database, url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE };
  }
  if (env.REDIS_URL) definition.redisUrl = env.REDIS_URL;
  if (env.KAFKA_BROKERS)
    definition.kafka = { brokers: env.KAFKA_BROKERS, topicPrefix: env.KAFKA_TOPIC_PREFIX ?? '' };
  if (env.ADMIN_API_KEY && env.JWT_SECRET) {
    definition.auth = { adminApiKey: env.ADMIN_API_KEY, jwtSecret: env.JWT_SECRET };
  }
  if (env.PII_ENCRYPTION_KEYS && env.PII_ACTIVE_KEY_ID && env.BLIND_INDEX_KEY) {
    definition.personalData = {
      encryptionKeys: env.PII_ENCRYPTION_KEYS,
      activeKeyId: env.PII_ACTIVE_KEY_ID,
      blindIndexKey: env.BLIND_INDEX_KEY,
    };
  }
  return definition;
}
