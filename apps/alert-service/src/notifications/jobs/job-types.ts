import type { Channel } from '../routing';

/** Every job this service runs, by name, with its payload: ids only, never personal data. */
export interface JobPayloads {
  'deliver-email': { notificationId: string };
  'deliver-webhook': { notificationId: string };
  'deliver-wecom': { notificationId: string };
  'deliver-dingtalk': { notificationId: string };
  'escalate-due-alerts': Record<string, never>;
  'send-daily-digests': Record<string, never>;
}
export type JobName = keyof JobPayloads;
export type JobItem = { [K in JobName]: { name: K; data: JobPayloads[K] } }[JobName];

export const JOB_NAMES = [
  'deliver-email',
  'deliver-webhook',
  'deliver-wecom',
  'deliver-dingtalk',
  'escalate-due-alerts',
  'send-daily-digests',
] as const satisfies readonly JobName[];

/**
 * One queue per channel, so each has its own rate limit: the WeCom and DingTalk robots accept 20 messages a minute
 * (their documented limits); SMTP relays and webhook receivers are protected from bursts.
 */
export const QUEUES = {
  // E-mail and webhook rates come from the environment (NOTIFY_EMAIL_PER_SECOND, NOTIFY_WEBHOOK_PER_SECOND).
  'notify-email': { limiter: undefined },
  'notify-webhook': { limiter: undefined },
  'notify-wecom': { limiter: { max: 20, duration: 60_000 } },
  'notify-dingtalk': { limiter: { max: 20, duration: 60_000 } },
  'alert-sweeps': { limiter: undefined },
} as const;
export type QueueName = keyof typeof QUEUES;

export const JOB_QUEUE: Record<JobName, QueueName> = {
  'deliver-email': 'notify-email',
  'deliver-webhook': 'notify-webhook',
  'deliver-wecom': 'notify-wecom',
  'deliver-dingtalk': 'notify-dingtalk',
  'escalate-due-alerts': 'alert-sweeps',
  'send-daily-digests': 'alert-sweeps',
};

export const DELIVERY_JOB: Record<
  Channel,
  'deliver-email' | 'deliver-webhook' | 'deliver-wecom' | 'deliver-dingtalk'
> = {
  EMAIL: 'deliver-email',
  WEBHOOK: 'deliver-webhook',
  WECOM: 'deliver-wecom',
  DINGTALK: 'deliver-dingtalk',
};

export interface Attempt {
  /** 1 for the first try. */
  number: number;
  /** After this one, no retry follows. */
  last: boolean;
}

/** A job's handler: a thin class that calls a use case. Exactly one per job name, checked at boot. */
export interface JobHandler<K extends JobName = JobName> {
  readonly jobName: K;
  handle(data: JobPayloads[K], attempt: Attempt): Promise<void>;
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
