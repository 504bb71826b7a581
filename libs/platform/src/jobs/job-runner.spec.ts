import type { Logger } from '../logging/logger';
import { checkJobHandlers, type JobCatalogue, type JobHandler, JobWorkers } from './job-runner';

interface Payloads {
  'send-digest': { userId: string };
  'sweep-due': Record<string, never>;
}
const catalogue: JobCatalogue<Payloads, 'mail' | 'sweeps'> = {
  service: 'test-service',
  queueOf: { 'send-digest': 'mail', 'sweep-due': 'sweeps' },
};
const handler = (jobName: keyof Payloads): JobHandler<Payloads> => ({
  jobName,
  handle: async () => undefined,
});
const logger = { error: () => undefined, info: () => undefined } as unknown as Logger;

describe('the job runner boot check (every job exactly one handler)', () => {
  it('accepts one handler per job of the catalogue', () => {
    const handlers = [handler('send-digest'), handler('sweep-due')];
    expect([...checkJobHandlers(catalogue, handlers).keys()].sort()).toEqual(['send-digest', 'sweep-due']);
  });

  it.each<[string, (keyof Payloads)[], string]>([
    ['a job without a handler', ['send-digest'], 'test-service job handlers: job "sweep-due" has no handler'],
    [
      'a job with two handlers',
      ['send-digest', 'sweep-due', 'sweep-due'],
      'test-service job handlers: job "sweep-due" has two handlers',
    ],
    [
      'a handler of a job the catalogue does not have',
      ['send-digest', 'sweep-due', 'gone' as keyof Payloads],
      'test-service job handlers: job "gone" is not in the catalogue',
    ],
  ])('refuses to construct the workers with %s', (_case, names, message) => {
    expect(() => new JobWorkers(catalogue, names.map(handler), logger)).toThrow(message);
  });
});
