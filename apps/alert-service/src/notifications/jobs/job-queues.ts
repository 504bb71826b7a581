import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import {
  createRedis,
  JobQueues as PlatformJobQueues,
  JobWorkers as PlatformJobWorkers,
  LOGGER,
  type Logger,
} from '@wage/platform';
import { ALERT_SETTINGS, type AlertSettings } from '../../config/alert-settings';
import {
  JOB_CATALOGUE,
  JOB_HANDLERS,
  QUEUES,
  type JobHandler,
  type JobItem,
  type JobPayloads,
  type QueueName,
} from './job-types';

/**
 * The BullMQ queues: where use cases add jobs. Jobs have deterministic ids (adding one twice is a no-op while it
 * exists), retries with exponential backoff, and failed jobs are kept as evidence. The workers that run them are
 * `JobWorkers`: kept apart because handlers depend (through use cases) on these queues, and one provider holding
 * both would be a dependency cycle.
 */
@Injectable()
export class JobQueues implements OnModuleInit, BeforeApplicationShutdown {
  private readonly queues: PlatformJobQueues<JobPayloads, QueueName>;
  private connection?: Redis;

  constructor(@Inject(ALERT_SETTINGS) private readonly settings: AlertSettings) {
    this.queues = new PlatformJobQueues(JOB_CATALOGUE, {
      attempts: settings.notifyAttempts,
      backoff: { type: 'exponential', delay: settings.notifyBackoffMs },
      removeOnComplete: { age: 7 * 24 * 3600 },
      removeOnFail: false,
    });
  }

  onModuleInit(): void {
    this.connection = createRedis(this.settings.redisUrl, 'alert-service.queues');
    this.queues.open(Object.keys(QUEUES) as QueueName[], this.connection, this.settings.bullmqPrefix);
  }

  /** Queues a job; `jobId` makes it idempotent (BullMQ ids may not contain ':', so parts are joined by '|'). */
  add(item: JobItem, jobId: string): Promise<void> {
    return this.queues.add(item, jobId);
  }

  /** Queues many jobs in one round trip per queue, each idempotent by its id. */
  addMany(jobs: readonly { item: JobItem; jobId: string }[]): Promise<void> {
    return this.queues.addMany(jobs);
  }

  /**
   * Queues the job of a notification still pending, again if need be. A job BullMQ failed without its handler
   * recording anything — it stalled twice (the process died twice while running it), or the database was away for
   * all its attempts — keeps its id, and adding it again would silently do nothing: the notification would never go.
   */
  async requeue(item: JobItem, jobId: string): Promise<'added' | 'retried' | 'queued already'> {
    const job = await this.queues.queueOf(item).getJob(jobId);
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

  /** The repeatable sweeps (escalation, digests). */
  schedule(...args: Parameters<PlatformJobQueues<JobPayloads, QueueName>['schedule']>): Promise<void> {
    return this.queues.schedule(...args);
  }

  queue(name: QueueName) {
    return this.queues.queue(name);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.queues.close();
    this.connection?.disconnect();
  }
}

/** The BullMQ workers, one per queue with the queue's rate limit, and the repeatable sweeps. */
@Injectable()
export class JobWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly workers: PlatformJobWorkers<JobPayloads, QueueName>;
  private readonly connections: Redis[] = [];

  constructor(
    @Inject(JOB_HANDLERS) handlers: JobHandler[],
    private readonly queues: JobQueues,
    @Inject(ALERT_SETTINGS) private readonly settings: AlertSettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    // The boot check: a job without a handler, or with two, throws here and the service does not start.
    this.workers = new PlatformJobWorkers(JOB_CATALOGUE, handlers, logger);
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const [name, { limiter }] of Object.entries(QUEUES) as [QueueName, (typeof QUEUES)[QueueName]][]) {
      const connection = createRedis(this.settings.redisUrl, `alert-service.worker.${name}`);
      this.connections.push(connection);
      const rate = this.configuredRate(name) ?? limiter;
      this.workers.start(name, {
        connection,
        prefix: this.settings.bullmqPrefix,
        concurrency: this.settings.workerConcurrency,
        ...(rate ? { limiter: { ...rate } } : {}),
      });
    }
    if (this.settings.jobSchedulesEnabled) {
      const opts = { removeOnComplete: 100, removeOnFail: false };
      await this.queues.schedule(
        'escalate-due-alerts',
        { every: this.settings.escalationSweepSeconds * 1000 },
        { name: 'escalate-due-alerts', data: {} },
        opts,
      );
      await this.queues.schedule(
        'send-daily-digests',
        { pattern: this.settings.digestCron, tz: 'Asia/Shanghai' },
        { name: 'send-daily-digests', data: {} },
        opts,
      );
    }
  }

  /** E-mail and webhook rates come from the environment (the robots' limits are fixed by their vendors). */
  private configuredRate(name: QueueName): { max: number; duration: number } | undefined {
    if (name === 'notify-webhook') return { max: this.settings.webhookPerSecond, duration: 1_000 };
    if (name === 'notify-email') return { max: this.settings.emailPerSecond, duration: 1_000 };
    return undefined;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.workers.close();
    for (const connection of this.connections) connection.disconnect();
  }
}
