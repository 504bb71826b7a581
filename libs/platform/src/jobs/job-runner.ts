import { Queue, UnrecoverableError, Worker, type Job, type JobsOptions, type RepeatOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logging/logger';

// One typed BullMQ job runner for every service that runs jobs (immich's JobItem union and boot check): a
// service declares its jobs' payloads as one interface and each job's queue in a catalogue keyed by it, writes one
// handler per job, and the runner refuses to start when a job has no handler or two.

/** Which try this is: a handler that records failures needs to know whether another one follows. */
export interface Attempt {
  /** 1 for the first try. */
  number: number;
  /** After this one, no retry follows. */
  last: boolean;
}

/** A job's name with its payload, as one union over a service's payload interface. */
export type JobItem<Payloads> = {
  [Name in keyof Payloads & string]: { name: Name; data: Payloads[Name] };
}[keyof Payloads & string];

/** A job's handler: a thin class or object that calls a use case. Exactly one per job name, checked at boot. */
export interface JobHandler<Payloads, Name extends keyof Payloads & string = keyof Payloads & string> {
  readonly jobName: Name;
  handle(data: Payloads[Name], attempt: Attempt): Promise<unknown>;
}

/**
 * A service's jobs: the queue each job goes on. Keyed by the payload interface, so a declared job without a queue
 * is a compile error, and the keys are the job names the boot check holds the handlers to.
 */
export interface JobCatalogue<Payloads, QueueName extends string> {
  /** For error messages and logs: 'alert-service'. */
  service: string;
  queueOf: { readonly [Name in keyof Payloads & string]: QueueName };
}

export function jobNames<Payloads>(catalogue: JobCatalogue<Payloads, string>): (keyof Payloads & string)[] {
  return Object.keys(catalogue.queueOf) as (keyof Payloads & string)[];
}

/** Every job of the catalogue has exactly one handler, or this throws (a job nobody runs is lost work). */
export function checkJobHandlers<Payloads>(
  catalogue: JobCatalogue<Payloads, string>,
  handlers: readonly JobHandler<Payloads>[],
): ReadonlyMap<keyof Payloads & string, JobHandler<Payloads>> {
  const names = jobNames(catalogue);
  const byName = new Map<keyof Payloads & string, JobHandler<Payloads>>();
  const problems: string[] = [];
  for (const handler of handlers) {
    if (!names.includes(handler.jobName)) problems.push(`job "${handler.jobName}" is not in the catalogue`);
    else if (byName.has(handler.jobName)) problems.push(`job "${handler.jobName}" has two handlers`);
    byName.set(handler.jobName, handler);
  }
  for (const name of names) if (!byName.has(name)) problems.push(`job "${name}" has no handler`);
  if (problems.length > 0) throw new Error(`${catalogue.service} job handlers: ${problems.join('; ')}`);
  return byName;
}

/**
 * The queues where use cases add jobs. Apart from `JobWorkers` because handlers depend (through use cases) on the
 * queues: one provider holding both would be a dependency cycle.
 */
export class JobQueues<Payloads, QueueName extends string> {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly catalogue: JobCatalogue<Payloads, QueueName>,
    /** What every added job gets unless the caller says otherwise: attempts, backoff, retention. */
    private readonly defaults: JobsOptions = {},
  ) {}

  open(queueNames: readonly QueueName[], connection: Redis, prefix: string, logger?: Logger): void {
    for (const name of queueNames) {
      const queue = new Queue(name, { connection, prefix });
      if (logger) queue.on('error', (error) => logger.error({ err: error, queue: name }, 'job queue error'));
      this.queues.set(name, queue);
    }
  }

  /** Queues a job; `jobId` makes it idempotent (BullMQ ids may not contain ':'). */
  async add(item: JobItem<Payloads>, jobId: string, options: JobsOptions = {}): Promise<void> {
    await this.queueOf(item).add(item.name, item.data, { ...this.defaults, ...options, jobId });
  }

  /**
   * Queues many jobs, one round trip per queue (a fan-out queues hundreds at once); each is idempotent by its id as
   * with `add`.
   */
  async addMany(
    jobs: readonly { item: JobItem<Payloads>; jobId: string }[],
    options: JobsOptions = {},
  ): Promise<void> {
    const byQueue = new Map<Queue, Parameters<Queue['addBulk']>[0]>();
    for (const { item, jobId } of jobs) {
      const queue = this.queueOf(item);
      const list = byQueue.get(queue) ?? [];
      list.push({ name: item.name, data: item.data, opts: { ...this.defaults, ...options, jobId } });
      byQueue.set(queue, list);
    }
    await Promise.all([...byQueue].map(([queue, list]) => queue.addBulk(list)));
  }

  /**
   * One scheduler per id in Redis, not a timer: it survives restarts, every instance upserts the same one, and a
   * run missed while every instance was down happens when one is back.
   */
  async schedule(
    schedulerId: string,
    repeat: Omit<RepeatOptions, 'key'>,
    item: JobItem<Payloads>,
    options: JobsOptions = {},
  ): Promise<void> {
    await this.queueOf(item).upsertJobScheduler(schedulerId, repeat, {
      name: item.name,
      data: item.data,
      opts: options,
    });
  }

  queueOf(item: JobItem<Payloads>): Queue {
    return this.queue(this.catalogue.queueOf[item.name]);
  }

  queue(name: QueueName): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`${this.catalogue.service}: queue ${name} is not open`);
    return queue;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }
}

export interface WorkerOptions {
  connection: Redis;
  prefix: string;
  concurrency: number;
  limiter?: { max: number; duration: number };
}

/**
 * The workers that run the jobs, one per queue. Constructing it is the boot check: a job of the catalogue without a
 * handler, or with two, throws, so the service does not start.
 */
export class JobWorkers<Payloads, QueueName extends string> {
  private readonly handlers: ReadonlyMap<keyof Payloads & string, JobHandler<Payloads>>;
  private readonly workers: Worker[] = [];

  constructor(
    private readonly catalogue: JobCatalogue<Payloads, QueueName>,
    handlers: readonly JobHandler<Payloads>[],
    private readonly logger: Logger,
    /** Log each job's result and failure (sweeps that run hourly, not per-notification deliveries). */
    private readonly logRuns = false,
  ) {
    this.handlers = checkJobHandlers(catalogue, handlers);
  }

  start(queue: QueueName, options: WorkerOptions): void {
    const { limiter, ...rest } = options;
    const worker = new Worker(queue, (job) => this.run(job), { ...rest, ...(limiter ? { limiter } : {}) });
    worker.on('error', (error) => this.logger.error({ err: error, queue }, 'job worker error'));
    if (this.logRuns) {
      worker.on('failed', (job, error) =>
        this.logger.error(
          { err: error, jobId: job?.id, attempt: job?.attemptsMade },
          `${this.catalogue.service} job ${job?.name ?? '?'} failed`,
        ),
      );
    }
    this.workers.push(worker);
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.workers.map((worker) => worker.close()));
    this.workers.length = 0;
  }

  /** Dispatches a job to its handler; a name without one fails at once and stays in Redis as evidence. */
  private async run(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name as keyof Payloads & string);
    if (!handler) throw new UnrecoverableError(`no handler for job "${job.name}"`);
    const number = job.attemptsMade + 1;
    const started = Date.now();
    const result = await handler.handle(job.data, { number, last: number >= (job.opts.attempts ?? 1) });
    if (this.logRuns) {
      this.logger.info(
        { jobId: job.id, result, ms: Date.now() - started },
        `${this.catalogue.service} job ${job.name} done`,
      );
    }
    return result;
  }
}
