import { z } from 'zod';
import { envSchemas, type ServiceDefinition } from '@wage/platform';

export const envSchema = envSchemas.base.extend({ PORT: envSchemas.port.default(8080) });

export type Env = z.infer<typeof envSchema>;

export function serviceDefinition(env: Env): ServiceDefinition {
  return { name: 'gateway', port: env.PORT, logLevel: env.LOG_LEVEL };
}
