import type { JobsOptions } from 'bullmq';
import type { JobCatalogue } from '@wage/platform';

/** The queue of enforcement-service's background jobs. */
export const GRADING_QUEUE = 'enforcement-grading';

/** Every job by name with its payload (ids only, never personal data). */
export interface GradingJobs {
  /** The annual grading of the year before the run's (January). */
  'annual-grading': Record<string, never>;
  /** Open cases past their investigation limit, published as CaseOverdue (hourly). */
  'escalate-overdue-cases': Record<string, never>;
  /** OPEN verification requests past their 3 working days, published as VerificationOverdue (hourly). */
  'escalate-overdue-verifications': Record<string, never>;
}
export type GradingJobName = keyof GradingJobs;

/** Each job's queue; the platform's job runner refuses to start while one of them has no handler, or two. */
export const GRADING_JOB_CATALOGUE: JobCatalogue<GradingJobs, typeof GRADING_QUEUE> = {
  service: 'enforcement-service',
  queueOf: {
    'annual-grading': GRADING_QUEUE,
    'escalate-overdue-cases': GRADING_QUEUE,
    'escalate-overdue-verifications': GRADING_QUEUE,
  },
};

/** One scheduler id: every instance upserts the same one, and BullMQ derives each run's job id from it. */
export const ANNUAL_GRADING_ID = 'annual-grading';

/** A failed run is retried (the grading is one transaction, so a retry starts clean) and kept when it fails. */
export const ANNUAL_GRADING_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 60_000 },
  removeOnComplete: { count: 50 },
  removeOnFail: false,
} satisfies JobsOptions;

export const SCHEDULE_TIME_ZONE = 'Asia/Shanghai';

/** The hourly sweep of overdue cases: one scheduler id for every instance. */
export const OVERDUE_SWEEP_ID = 'escalate-overdue-cases';
export const OVERDUE_SWEEP_PATTERN = '10 * * * *';
export const OVERDUE_SWEEP_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 60_000 },
  removeOnComplete: { count: 50 },
  removeOnFail: { count: 50 },
} satisfies JobsOptions;

/** The hourly sweep of overdue verification requests: one scheduler id for every instance. */
export const VERIFICATION_SWEEP_ID = 'escalate-overdue-verifications';
export const VERIFICATION_SWEEP_PATTERN = '20 * * * *';

export interface GradingSchedule {
  bullmqPrefix: string;
  /** Cron pattern in Asia/Shanghai time; by default 02:00 on 2 January. */
  gradingSchedule: string;
}
