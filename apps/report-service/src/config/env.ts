import { z } from 'zod';
import { envSchemas, standardDefinition, type ServiceDefinition } from '@wage/platform';
import { database } from '../database';

export const envSchema = envSchemas.base
  .extend(envSchemas.database.shape)
  .extend(envSchemas.kafka.shape)
  .extend(envSchemas.auth.shape)
  .extend({ PORT: envSchemas.port.default(3005) });

export type Env = z.infer<typeof envSchema>;

export function serviceDefinition(env: Env): ServiceDefinition {
  return standardDefinition('report-service', env, { database });
}
