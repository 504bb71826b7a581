import type { JobsOptions } from 'bullmq';
import type { JobCatalogue } from '@wage/platform';

/** When and under which Redis prefix the time-driven evaluation runs (from the environment). */
export interface SchedulingSettings {
  bullmqPrefix: string;
  /** Cron pattern in Asia/Shanghai time. */
  evaluationSchedule: string;
  /** How long a sweep waits for the read model to catch up with its topics before it is retried. */
  catchUpSeconds: number;
}

export const SCHEDULING_SETTINGS = Symbol('SCHEDULING_SETTINGS');

/** The queue of the engine's background jobs. */
export const EVALUATION_QUEUE = 'rules-engine-evaluation';

/** Every job the engine runs, by name, with its payload (ids only, never personal data). */
export interface EvaluationJobs {
  /** Runs every rule for the current and previous month as of now: what depends on time passing alone. */
  'scheduled-evaluation': Record<string, never>;
}

export type EvaluationJobName = keyof EvaluationJobs;

/** Each job's queue; the platform's job runner refuses to start while one of them has no handler, or two. */
export const EVALUATION_JOB_CATALOGUE: JobCatalogue<EvaluationJobs, typeof EVALUATION_QUEUE> = {
  service: 'rules-engine',
  queueOf: { 'scheduled-evaluation': EVALUATION_QUEUE },
};

/**
 * The one scheduler of the sweep. Its id is fixed, so every instance upserts the same scheduler, and each run's
 * job id is derived from it and the run's time: two instances starting, or one restarting, never add a second run.
 */
export const SCHEDULED_EVALUATION_ID = 'scheduled-evaluation';

/**
 * A failed sweep is retried soon (each project-month commits on its own, so a retry redoes only unchanged work),
 * and a run that still fails is kept for inspection.
 */
export const SCHEDULED_EVALUATION_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 60_000 },
  removeOnComplete: { count: 200 },
  removeOnFail: false,
} satisfies JobsOptions;

/** Deadlines are local dates (docs/domain.md): the schedule is read in China's time zone. */
export const SCHEDULE_TIME_ZONE = 'Asia/Shanghai';
