import { z } from 'zod';
import { envSchemas, type ServiceDefinition } from '@wage/platform';
import { database } from '../database';

export const envSchema = envSchemas.base
  .extend(envSchemas.database.shape)
  .extend(envSchemas.kafka.shape)
  .extend(envSchemas.auth.shape)
  .extend({ PORT: envSchemas.port.default(3003) });

export type Env = z.infer<typeof envSchema>;

export function serviceDefinition(env: Env): ServiceDefinition {
  return {
    name: 'rules-engine',
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    database: { ...database, url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE },
    kafka: { brokers: env.KAFKA_BROKERS, topicPrefix: env.KAFKA_TOPIC_PREFIX },
    auth: { adminApiKey: env.ADMIN_API_KEY, jwtSecret: env.JWT_SECRET },
    outbox: true,
  };
}
