/** The workers' channel settings (`WorkerChannelSettings`). */
export const WORKER_CHANNEL_SETTINGS = Symbol('WORKER_CHANNEL_SETTINGS');
