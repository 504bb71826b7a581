import { z } from 'zod';
import {
  envSchemas,
  personalDataEnv,
  smsEnv,
  smsSettings,
  standardDefinition,
  type ServiceDefinition,
  type SmsProviderSettings,
} from '@wage/platform';
import { database } from '../database';

export const envSchema = envSchemas.base
  .extend(envSchemas.database.shape)
  .extend(envSchemas.kafka.shape)
  .extend(envSchemas.redis.shape)
  .extend(envSchemas.auth.shape)
  .extend(personalDataEnv.shape)
  .extend(smsEnv.shape)
  .extend({
    PORT: envSchemas.port.default(3001),
    /** Rows accepted in one worker, attendance or pay-sheet batch (or one imported file). */
    ROSTER_BATCH_CAP: z.coerce.number().int().min(1).max(100_000).default(10_000),
    /** How long a worker's session token lasts (workers' channel). */
    WORKER_SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(1800),
    /**
     * Sign-in code requests one client address may make per hour (a site office's shared Wi-Fi serves many
     * workers); each identity number and each phone number may ask 5 times an hour wherever they ask from.
     */
    WORKER_CODE_REQUESTS_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(60),
  });

export type Env = z.infer<typeof envSchema>;

/** The workers' channel: sign-in by SMS code and the session it opens. */
export interface WorkerChannelSettings {
  jwtSecret: string;
  /** Pending codes and sign-in counters; the channel's own connection (see worker-channel.module.ts). */
  redisUrl: string;
  sessionTtlSeconds: number;
  codeRequestsPerAddress: number;
  sms: SmsProviderSettings;
}

/** What roster-service adds to the platform's definition of a service. */
export interface RosterSettings {
  batchCap: number;
  workerChannel: WorkerChannelSettings;
}

export interface RosterServiceDefinition extends ServiceDefinition {
  roster: RosterSettings;
}

export function serviceDefinition(env: Env): RosterServiceDefinition {
  // Redis serves only the workers' sign-in: not the platform's connection, so that its health does not decide
  // whether rolls, attendance and pay sheets are taken.
  const { redisUrl: _workersOnly, ...platform } = standardDefinition('roster-service', env, {
    database,
    outbox: true,
  });
  return {
    ...platform,
    roster: {
      batchCap: env.ROSTER_BATCH_CAP,
      workerChannel: {
        jwtSecret: env.JWT_SECRET,
        redisUrl: env.REDIS_URL,
        sessionTtlSeconds: env.WORKER_SESSION_TTL_SECONDS,
        codeRequestsPerAddress: env.WORKER_CODE_REQUESTS_PER_ADDRESS,
        sms: smsSettings(env),
      },
    },
  };
}
