import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { LOGGER, REDIS, type Logger } from '@wage/platform';
import {
  EVALUATION_QUEUE,
  SCHEDULE_TIME_ZONE,
  SCHEDULED_EVALUATION_ID,
  SCHEDULED_EVALUATION_OPTIONS,
  SCHEDULING_SETTINGS,
  type EvaluationJobHandlers,
  type EvaluationJobName,
  type EvaluationJobs,
  type SchedulingSettings,
} from './evaluation-jobs';
import { ScheduledEvaluationJob } from './scheduled-evaluation.job';

type EvaluationJob = Job<EvaluationJobs[EvaluationJobName], unknown, EvaluationJobName>;

/**
 * Registers the scheduled evaluation in Redis and processes the engine's jobs. The schedule lives in Redis, not
 * in a timer, so it survives restarts and a run missed while every instance was down happens when one is back.
 * Every instance processes the queue; BullMQ hands each run to one of them.
 */
@Injectable()
export class EvaluationQueue implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private queue?: Queue<EvaluationJobs[EvaluationJobName], unknown, EvaluationJobName>;
  private worker?: Worker<EvaluationJobs[EvaluationJobName], unknown, EvaluationJobName>;
  private readonly handlers: EvaluationJobHandlers;

  constructor(
    @Inject(SCHEDULING_SETTINGS) private readonly settings: SchedulingSettings,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    scheduledEvaluation: ScheduledEvaluationJob,
  ) {
    this.handlers = { 'scheduled-evaluation': (data) => scheduledEvaluation.handle(data) };
  }

  async onApplicationBootstrap(): Promise<void> {
    const options = { connection: this.redis, prefix: this.settings.bullmqPrefix };
    this.queue = new Queue(EVALUATION_QUEUE, options);
    this.queue.on('error', (error) => this.logger.error({ err: error }, 'evaluation queue error'));
    await this.queue.upsertJobScheduler(
      SCHEDULED_EVALUATION_ID,
      { pattern: this.settings.evaluationSchedule, tz: SCHEDULE_TIME_ZONE },
      { name: 'scheduled-evaluation', data: {}, opts: SCHEDULED_EVALUATION_OPTIONS },
    );
    this.worker = new Worker(EVALUATION_QUEUE, (job) => this.process(job), { ...options, concurrency: 1 });
    this.worker.on('error', (error) => this.logger.error({ err: error }, 'evaluation worker error'));
    this.worker.on('failed', (job, error) =>
      this.logger.error(
        { err: error, jobId: job?.id, attempt: job?.attemptsMade },
        `evaluation job ${job?.name ?? '?'} failed`,
      ),
    );
  }

  /** Closes before the platform closes the Redis connection; a run in progress finishes first. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
  }

  /** Dispatches a job to its handler; a name without one fails at once and stays in Redis as evidence. */
  private async process(job: EvaluationJob): Promise<unknown> {
    const handler = this.handlers[job.name] as ((data: unknown) => Promise<unknown>) | undefined;
    if (handler === undefined) throw new UnrecoverableError(`no handler for job "${job.name}"`);
    const started = Date.now();
    const result = await handler(job.data);
    this.logger.info({ jobId: job.id, result, ms: Date.now() - started }, `evaluation job ${job.name} done`);
    return result;
  }
}
