/** The workers' channel settings (`WorkerChannelSettings`). */
export const WORKER_CHANNEL_SETTINGS = Symbol('WORKER_CHANNEL_SETTINGS');

/** The workers' channel's own Redis connection. */
export const WORKER_REDIS = Symbol('WORKER_REDIS');
