import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { Clock, LOGGER, REDIS, type Logger } from '@wage/platform';
import { ENFORCEMENT_SETTINGS } from '../../config/enforcement-settings';
import type { EnforcementSettings } from '../../config/env';
import { EscalateOverdueCasesUseCase } from '../../cases/use-cases/escalate-overdue-cases/escalate-overdue-cases.use-case';
import { AnnualGradingJob } from './annual-grading.job';
import {
  ANNUAL_GRADING_ID,
  ANNUAL_GRADING_OPTIONS,
  GRADING_QUEUE,
  OVERDUE_SWEEP_ID,
  OVERDUE_SWEEP_OPTIONS,
  OVERDUE_SWEEP_PATTERN,
  SCHEDULE_TIME_ZONE,
  type GradingJobHandlers,
  type GradingJobName,
  type GradingJobs,
} from './grading-jobs';

type GradingJob = Job<GradingJobs[GradingJobName], unknown, GradingJobName>;

/**
 * Registers January's grading in Redis and runs it. The schedule lives in Redis, so it survives restarts and a
 * run missed while every instance was down happens when one is back; BullMQ hands each run to one instance.
 */
@Injectable()
export class GradingQueue implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private queue?: Queue<GradingJobs[GradingJobName], unknown, GradingJobName>;
  private worker?: Worker<GradingJobs[GradingJobName], unknown, GradingJobName>;
  private readonly handlers: GradingJobHandlers;

  constructor(
    @Inject(ENFORCEMENT_SETTINGS) private readonly settings: EnforcementSettings,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    annualGrading: AnnualGradingJob,
    overdueCases: EscalateOverdueCasesUseCase,
    clock: Clock,
  ) {
    this.handlers = {
      'annual-grading': (data) => annualGrading.handle(data),
      'escalate-overdue-cases': () => overdueCases.execute(clock.now()),
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    const options = { connection: this.redis, prefix: this.settings.grading.bullmqPrefix };
    this.queue = new Queue(GRADING_QUEUE, options);
    this.queue.on('error', (error) => this.logger.error({ err: error }, 'grading queue error'));
    await this.queue.upsertJobScheduler(
      ANNUAL_GRADING_ID,
      { pattern: this.settings.grading.gradingSchedule, tz: SCHEDULE_TIME_ZONE },
      { name: 'annual-grading', data: {}, opts: ANNUAL_GRADING_OPTIONS },
    );
    await this.queue.upsertJobScheduler(
      OVERDUE_SWEEP_ID,
      { pattern: OVERDUE_SWEEP_PATTERN, tz: SCHEDULE_TIME_ZONE },
      { name: 'escalate-overdue-cases', data: {}, opts: OVERDUE_SWEEP_OPTIONS },
    );
    this.worker = new Worker(GRADING_QUEUE, (job) => this.process(job), { ...options, concurrency: 1 });
    this.worker.on('error', (error) => this.logger.error({ err: error }, 'grading worker error'));
    this.worker.on('failed', (job, error) =>
      this.logger.error(
        { err: error, jobId: job?.id, attempt: job?.attemptsMade },
        `grading job ${job?.name ?? '?'} failed`,
      ),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
  }

  /** The next time January's run is due (for the record and the tests). */
  async nextRun(): Promise<Date | null> {
    const scheduler = await this.queue?.getJobScheduler(ANNUAL_GRADING_ID);
    return scheduler?.next ? new Date(scheduler.next) : null;
  }

  private async process(job: GradingJob): Promise<unknown> {
    const handler = this.handlers[job.name] as ((data: unknown) => Promise<unknown>) | undefined;
    if (handler === undefined) throw new UnrecoverableError(`no handler for job "${job.name}"`);
    const result = await handler(job.data);
    this.logger.info({ jobId: job.id, result }, `grading job ${job.name} done`);
    return result;
  }
}
