import IORedis, { type Redis } from 'ioredis';

/**
 * A Redis connection as BullMQ needs it (no per-command retry limit: commands wait for the reconnect instead of
 * failing while Redis restarts).
 */
export function createRedis(url: string, name: string): Redis {
  return new IORedis(url, {
    connectionName: name,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(times * 200, 5_000),
  });
}
