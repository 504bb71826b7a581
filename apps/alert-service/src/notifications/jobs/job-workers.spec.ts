import { Test } from '@nestjs/testing';
import { LOGGER } from '@wage/platform';
import type { AlertSettings } from '../../config/alert-settings';
import { ALERT_SETTINGS } from '../../config/alert-settings';
import { JobQueues, JobWorkers } from './job-queues';
import { JOB_CATALOGUE, JOB_HANDLERS, type JobHandler, type JobName } from './job-types';

// The service's own module wiring, with each job's handler replaced by a stand-in: compiling the module is
// constructing the providers, which is where the boot check runs. Nothing here connects to Redis.
const handler = (jobName: JobName): JobHandler => ({ jobName, handle: async () => undefined });
const allJobs = Object.keys(JOB_CATALOGUE.queueOf) as JobName[];

function boot(handlers: JobHandler[]) {
  return Test.createTestingModule({
    providers: [
      JobQueues,
      JobWorkers,
      { provide: ALERT_SETTINGS, useValue: { notifyAttempts: 3, notifyBackoffMs: 100 } as AlertSettings },
      { provide: LOGGER, useValue: { error: () => undefined, info: () => undefined } },
      { provide: JOB_HANDLERS, useValue: handlers },
    ],
  }).compile();
}

describe('alert-service refuses to boot unless every job has exactly one handler', () => {
  it('boots with one handler per job', async () => {
    const module = await boot(allJobs.map(handler));
    expect(module.get(JobWorkers)).toBeInstanceOf(JobWorkers);
    await module.close();
  });

  it('does not boot with a job without a handler', async () => {
    await expect(boot(allJobs.filter((name) => name !== 'send-daily-digests').map(handler))).rejects.toThrow(
      'alert-service job handlers: job "send-daily-digests" has no handler',
    );
  });

  it('does not boot with a job with two handlers', async () => {
    await expect(boot([...allJobs, 'deliver-email' as const].map(handler))).rejects.toThrow(
      'alert-service job handlers: job "deliver-email" has two handlers',
    );
  });
});
