import { z } from 'zod';
import { envSchemas, personalDataEnv, standardDefinition, type ServiceDefinition } from '@wage/platform';
import { database } from '../database';

export const envSchema = envSchemas.base
  .extend(envSchemas.database.shape)
  .extend(envSchemas.kafka.shape)
  .extend(envSchemas.auth.shape)
  .extend(personalDataEnv.shape)
  .extend({
    PORT: envSchemas.port.default(3001),
    /** Rows accepted in one worker, attendance or pay-sheet batch (or one imported file). */
    ROSTER_BATCH_CAP: z.coerce.number().int().min(1).max(100_000).default(10_000),
  });

export type Env = z.infer<typeof envSchema>;

/** What roster-service adds to the platform's definition of a service. */
export interface RosterSettings {
  batchCap: number;
}

export interface RosterServiceDefinition extends ServiceDefinition {
  roster: RosterSettings;
}

export function serviceDefinition(env: Env): RosterServiceDefinition {
  return {
    ...standardDefinition('roster-service', env, { database, outbox: true }),
    roster: { batchCap: env.ROSTER_BATCH_CAP },
  };
}
