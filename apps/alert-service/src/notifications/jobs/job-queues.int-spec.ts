import { randomBytes } from 'node:crypto';
import { UnrecoverableError, Worker } from 'bullmq';
import Redis from 'ioredis';
import { testInfra } from '@wage/testing';
import type { AlertSettings } from '../../config/alert-settings';
import { JobQueues } from './job-queues';

describe('JobQueues.requeue (real Redis)', () => {
  const prefix = `requeue-${randomBytes(4).toString('hex')}`;
  const queues = new JobQueues({
    redisUrl: testInfra().redisUrl,
    bullmqPrefix: prefix,
    notifyAttempts: 3,
    notifyBackoffMs: 100,
  } as AlertSettings);
  const item = { name: 'deliver-email', data: { notificationId: 'n-1' } } as const;

  beforeAll(() => queues.onModuleInit());
  afterAll(async () => {
    await queues.beforeApplicationShutdown();
    const redis = new Redis(testInfra().redisUrl);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  // Nothing runs the queue in this test: a worker of its own takes the job and fails it as BullMQ does a job that
  // stalled more than once (its process died while running it, twice), so no handler recorded anything.
  it('queues a pending notification whose job failed unrecorded again, and leaves a queued one alone', async () => {
    const jobId = 'notify|alert-1|li.inspector|EMAIL|raised-1';
    expect(await queues.requeue(item, jobId)).toBe('added');
    expect(await queues.requeue(item, jobId)).toBe('queued already');

    const queue = queues.queue('notify-email');
    const connection = new Redis(testInfra().redisUrl, { maxRetriesPerRequest: null });
    const worker = new Worker('notify-email', null, { connection, prefix });
    try {
      const token = 'test-token';
      const job = await worker.getNextJob(token);
      expect(job?.id).toBe(jobId);
      // A job that stalled too often fails outright, whatever attempts it had left.
      await job!.moveToFailed(new UnrecoverableError('job stalled more than allowable limit'), token, false);
      expect(await queue.getJobState(jobId)).toBe('failed');
    } finally {
      await worker.close();
      connection.disconnect();
    }

    expect(await queues.requeue(item, jobId)).toBe('retried');
    expect(await queue.getJobState(jobId)).toBe('waiting');
    const retried = await queue.getJob(jobId);
    expect(retried?.data).toEqual(item.data);
    expect(retried?.attemptsMade).toBe(0);
  });
});
