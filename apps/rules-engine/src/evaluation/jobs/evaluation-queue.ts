import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import { JobQueues, JobWorkers, LOGGER, REDIS, type Logger } from '@wage/platform';
import {
  EVALUATION_JOB_CATALOGUE,
  EVALUATION_QUEUE,
  SCHEDULE_TIME_ZONE,
  SCHEDULED_EVALUATION_ID,
  SCHEDULED_EVALUATION_OPTIONS,
  SCHEDULING_SETTINGS,
  type EvaluationJobs,
  type SchedulingSettings,
} from './evaluation-jobs';
import { ScheduledEvaluationJob } from './scheduled-evaluation.job';

/**
 * Registers the scheduled evaluation in Redis and processes the engine's jobs, through the platform's job runner.
 * The schedule lives in Redis, not in a timer, so it survives restarts and a run missed while every instance was
 * down happens when one is back. Every instance processes the queue; BullMQ hands each run to one of them.
 */
@Injectable()
export class EvaluationQueue implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly queues = new JobQueues(EVALUATION_JOB_CATALOGUE);
  private readonly workers: JobWorkers<EvaluationJobs, typeof EVALUATION_QUEUE>;

  constructor(
    @Inject(SCHEDULING_SETTINGS) private readonly settings: SchedulingSettings,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    scheduledEvaluation: ScheduledEvaluationJob,
  ) {
    // The boot check: a job without a handler, or with two, throws here and the engine does not start.
    this.workers = new JobWorkers(EVALUATION_JOB_CATALOGUE, [scheduledEvaluation], logger, true);
  }

  async onApplicationBootstrap(): Promise<void> {
    const prefix = this.settings.bullmqPrefix;
    this.queues.open([EVALUATION_QUEUE], this.redis, prefix, this.logger);
    await this.queues.schedule(
      SCHEDULED_EVALUATION_ID,
      { pattern: this.settings.evaluationSchedule, tz: SCHEDULE_TIME_ZONE },
      { name: 'scheduled-evaluation', data: {} },
      SCHEDULED_EVALUATION_OPTIONS,
    );
    this.workers.start(EVALUATION_QUEUE, { connection: this.redis, prefix, concurrency: 1 });
  }

  /** Closes before the platform closes the Redis connection; a run in progress finishes first. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.workers.close();
    await this.queues.close();
  }
}
