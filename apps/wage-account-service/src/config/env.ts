import { z } from 'zod';
import { envSchemas, personalDataEnv, standardDefinition, type ServiceDefinition } from '@wage/platform';
import { database } from '../database';

export const envSchema = envSchemas.base
  .extend(envSchemas.database.shape)
  .extend(envSchemas.kafka.shape)
  .extend(envSchemas.auth.shape)
  .extend(personalDataEnv.shape)
  .extend({
    PORT: envSchemas.port.default(3002),
    /** Most transactions one request may carry; a larger batch is refused with 413. */
    ACCOUNT_BATCH_CAP: z.coerce.number().int().min(1).max(100_000).default(10_000),
  });

export type Env = z.infer<typeof envSchema>;

/** The platform's definition plus this service's own settings. */
export interface WageAccountServiceDefinition extends ServiceDefinition {
  accountBatchCap?: number;
}

export function serviceDefinition(env: Env): WageAccountServiceDefinition {
  return {
    ...standardDefinition('wage-account-service', env, { database, outbox: true }),
    accountBatchCap: env.ACCOUNT_BATCH_CAP,
  };
}
