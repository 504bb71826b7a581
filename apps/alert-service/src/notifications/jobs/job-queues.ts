import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { Queue, Worker, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { createRedis, LOGGER, type Logger } from '@wage/platform';
import { ALERT_SETTINGS, type AlertSettings } from '../../config/alert-settings';
import {
  JOB_HANDLERS,
  JOB_NAMES,
  JOB_QUEUE,
  QUEUES,
  type JobHandler,
  type JobItem,
  type JobName,
  type QueueName,
} from './job-types';

/** Every job name must have exactly one handler, or the app refuses to start (a job nobody runs is a lost alert). */
export function checkHandlers(handlers: JobHandler[]): Map<JobName, JobHandler> {
  const byName = new Map<JobName, JobHandler>();
  const problems: string[] = [];
  for (const handler of handlers) {
    if (byName.has(handler.jobName)) problems.push(`job "${handler.jobName}" has two handlers`);
    byName.set(handler.jobName, handler);
  }
  for (const name of JOB_NAMES) if (!byName.has(name)) problems.push(`job "${name}" has no handler`);
  if (problems.length > 0) throw new Error(`alert-service job handlers: ${problems.join('; ')}`);
  return byName;
}

/**
 * The BullMQ queues: where use cases add jobs. Jobs have deterministic ids (adding one twice is a no-op while it
 * exists), retries with exponential backoff, and failed jobs are kept as evidence. The workers that run them are
 * `JobWorkers`: kept apart because handlers depend (through use cases) on these queues, and one provider holding
 * both would be a dependency cycle.
 */
@Injectable()
export class JobQueues implements OnModuleInit, BeforeApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  private connection?: Redis;

  constructor(@Inject(ALERT_SETTINGS) private readonly settings: AlertSettings) {}

  onModuleInit(): void {
    this.connection = createRedis(this.settings.redisUrl, 'alert-service.queues');
    for (const name of Object.keys(QUEUES) as QueueName[]) {
      this.queues.set(
        name,
        new Queue(name, { connection: this.connection, prefix: this.settings.bullmqPrefix }),
      );
    }
  }

  /** Queues a job; `jobId` makes it idempotent (BullMQ ids may not contain ':', so parts are joined by '|'). */
  async add(item: JobItem, jobId: string): Promise<void> {
    const options: JobsOptions = {
      jobId,
      attempts: this.settings.notifyAttempts,
      backoff: { type: 'exponential', delay: this.settings.notifyBackoffMs },
      removeOnComplete: { age: 7 * 24 * 3600 },
      removeOnFail: false,
    };
    await this.queue(JOB_QUEUE[item.name]).add(item.name, item.data, options);
  }

  /**
   * Queues the job of a notification still pending, again if need be. A job BullMQ failed without its handler
   * recording anything — it stalled twice (the process died twice while running it), or the database was away for
   * all its attempts — keeps its id, and adding it again would silently do nothing: the notification would never go.
   */
  async requeue(item: JobItem, jobId: string): Promise<'added' | 'retried' | 'queued already'> {
    const job = await this.queue(JOB_QUEUE[item.name]).getJob(jobId);
    if (!job) {
      await this.add(item, jobId);
      return 'added';
    }
    if (await job.isFailed()) {
      // With its attempts counted from zero again: it gets the backoff and tries every new job has.
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      return 'retried';
    }
    return 'queued already';
  }

  queue(name: QueueName): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`queue ${name} is not open`);
    return queue;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
    this.connection?.disconnect();
  }
}

/** The BullMQ workers, one per queue with the queue's rate limit, and the repeatable sweeps. */
@Injectable()
export class JobWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly handlers: Map<JobName, JobHandler>;
  private readonly workers: Worker[] = [];
  private readonly connections: Redis[] = [];

  constructor(
    @Inject(JOB_HANDLERS) handlers: JobHandler[],
    private readonly queues: JobQueues,
    @Inject(ALERT_SETTINGS) private readonly settings: AlertSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.handlers = checkHandlers(handlers);
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const [name, { limiter }] of Object.entries(QUEUES) as [QueueName, (typeof QUEUES)[QueueName]][]) {
      const connection = createRedis(this.settings.redisUrl, `alert-service.worker.${name}`);
      this.connections.push(connection);
      const rate = this.configuredRate(name) ?? limiter;
      const worker = new Worker(name, (job) => this.run(job), {
        connection,
        prefix: this.settings.bullmqPrefix,
        concurrency: this.settings.workerConcurrency,
        ...(rate ? { limiter: { ...rate } } : {}),
      });
      worker.on('error', (error) => this.logger.error({ err: error, queue: name }, 'job worker error'));
      this.workers.push(worker);
    }
    if (this.settings.jobSchedulesEnabled) {
      const sweeps = this.queues.queue('alert-sweeps');
      await sweeps.upsertJobScheduler(
        'escalate-due-alerts',
        { every: this.settings.escalationSweepSeconds * 1000 },
        { name: 'escalate-due-alerts', data: {}, opts: { removeOnComplete: 100, removeOnFail: false } },
      );
      await sweeps.upsertJobScheduler(
        'send-daily-digests',
        { pattern: this.settings.digestCron, tz: 'Asia/Shanghai' },
        { name: 'send-daily-digests', data: {}, opts: { removeOnComplete: 100, removeOnFail: false } },
      );
    }
  }

  /** E-mail and webhook rates come from the environment (the robots' limits are fixed by their vendors). */
  private configuredRate(name: QueueName): { max: number; duration: number } | undefined {
    if (name === 'notify-webhook') return { max: this.settings.webhookPerSecond, duration: 1_000 };
    if (name === 'notify-email') return { max: this.settings.emailPerSecond, duration: 1_000 };
    return undefined;
  }

  private async run(job: Job): Promise<void> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new Error(`no handler for job "${job.name}"`);
    const number = job.attemptsMade + 1;
    await handler.handle(job.data, { number, last: number >= (job.opts.attempts ?? 1) });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.workers.map((worker) => worker.close()));
    for (const connection of this.connections) connection.disconnect();
  }
}
