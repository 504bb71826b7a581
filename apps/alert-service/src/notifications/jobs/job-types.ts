import type {
  JobCatalogue,
  JobHandler as PlatformJobHandler,
  JobItem as PlatformJobItem,
} from '@wage/platform';
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
export type JobItem = PlatformJobItem<JobPayloads>;

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

/** Each job's queue; its keys are the jobs the boot check holds the handlers to (the platform's job runner). */
export const JOB_CATALOGUE: JobCatalogue<JobPayloads, QueueName> = {
  service: 'alert-service',
  queueOf: {
    'deliver-email': 'notify-email',
    'deliver-webhook': 'notify-webhook',
    'deliver-wecom': 'notify-wecom',
    'deliver-dingtalk': 'notify-dingtalk',
    'escalate-due-alerts': 'alert-sweeps',
    'send-daily-digests': 'alert-sweeps',
  },
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

export type { Attempt } from '@wage/platform';

/** A job's handler: a thin class that calls a use case. Exactly one per job name, checked at boot. */
export type JobHandler<K extends JobName = JobName> = PlatformJobHandler<JobPayloads, K>;

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
