import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import { JobQueues, JobWorkers, LOGGER, REDIS, type Logger } from '@wage/platform';
import { ENFORCEMENT_SETTINGS } from '../../config/enforcement-settings';
import type { EnforcementSettings } from '../../config/env';
import { AnnualGradingJob } from './annual-grading.job';
import { EscalateOverdueCasesJob } from './escalate-overdue-cases.job';
import { EscalateOverdueVerificationsJob } from './escalate-overdue-verifications.job';
import {
  ANNUAL_GRADING_ID,
  ANNUAL_GRADING_OPTIONS,
  GRADING_JOB_CATALOGUE,
  GRADING_QUEUE,
  OVERDUE_SWEEP_ID,
  OVERDUE_SWEEP_OPTIONS,
  OVERDUE_SWEEP_PATTERN,
  SCHEDULE_TIME_ZONE,
  VERIFICATION_SWEEP_ID,
  VERIFICATION_SWEEP_PATTERN,
  type GradingJobs,
} from './grading-jobs';

/**
 * Registers January's grading and the hourly sweeps of overdue cases and verification requests in Redis and runs them, through the platform's job runner. The schedule lives in Redis,
 * so it survives restarts and a run missed while every instance was down happens when one is back; BullMQ hands
 * each run to one instance.
 */
@Injectable()
export class GradingQueue implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly queues = new JobQueues(GRADING_JOB_CATALOGUE);
  private readonly workers: JobWorkers<GradingJobs, typeof GRADING_QUEUE>;

  constructor(
    @Inject(ENFORCEMENT_SETTINGS) private readonly settings: EnforcementSettings,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    annualGrading: AnnualGradingJob,
    overdueCases: EscalateOverdueCasesJob,
    overdueVerifications: EscalateOverdueVerificationsJob,
  ) {
    // The boot check: a job without a handler, or with two, throws here and the service does not start.
    this.workers = new JobWorkers(
      GRADING_JOB_CATALOGUE,
      [annualGrading, overdueCases, overdueVerifications],
      logger,
      true,
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    const prefix = this.settings.grading.bullmqPrefix;
    this.queues.open([GRADING_QUEUE], this.redis, prefix, this.logger);
    await this.queues.schedule(
      ANNUAL_GRADING_ID,
      { pattern: this.settings.grading.gradingSchedule, tz: SCHEDULE_TIME_ZONE },
      { name: 'annual-grading', data: {} },
      ANNUAL_GRADING_OPTIONS,
    );
    await this.queues.schedule(
      OVERDUE_SWEEP_ID,
      { pattern: OVERDUE_SWEEP_PATTERN, tz: SCHEDULE_TIME_ZONE },
      { name: 'escalate-overdue-cases', data: {} },
      OVERDUE_SWEEP_OPTIONS,
    );
    await this.queues.schedule(
      VERIFICATION_SWEEP_ID,
      { pattern: VERIFICATION_SWEEP_PATTERN, tz: SCHEDULE_TIME_ZONE },
      { name: 'escalate-overdue-verifications', data: {} },
      OVERDUE_SWEEP_OPTIONS,
    );
    this.workers.start(GRADING_QUEUE, { connection: this.redis, prefix, concurrency: 1 });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.workers.close();
    await this.queues.close();
  }

  /** The next time January's run is due (for the record and the tests). */
  async nextRun(): Promise<Date | null> {
    const scheduler = await this.queues.queue(GRADING_QUEUE).getJobScheduler(ANNUAL_GRADING_ID);
    return scheduler?.next ? new Date(scheduler.next) : null;
  }
}
