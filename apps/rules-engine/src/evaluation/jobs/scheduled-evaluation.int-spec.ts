import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { alertKey, ProjectRegistered, Topics } from '@wage/contracts';
import { KafkaClient } from '@wage/platform';
import { startTestApp, testInfra, TopicReader, waitFor, type TestApp } from '@wage/testing';
import { AppModule } from '../../app.module';
import { envSchema, serviceDefinition } from '../../config/env';
import { ReadModelConsumers } from '../../read-model/read-model.consumers';
import { envelope, hash } from '../../testing/upstream-events.fixtures';
import { EVALUATION_QUEUE, SCHEDULED_EVALUATION_ID } from './evaluation-jobs';

const parts = { envSchema, serviceDefinition, AppModule };
const uniquePrefix = () => `test-${randomBytes(6).toString('hex')}`;
/** A queue handle of the test's own, to look at what the instances registered. */
const queueOf = (prefix: string) =>
  new Queue(EVALUATION_QUEUE, { connection: { url: testInfra().redisUrl }, prefix });

const HOUR_MS = 3_600_000;
/**
 * The hourly job fires at the top of the hour; a test that compares the next run before and after a restart must
 * not straddle one (in CI at 15:59:30 it saw the 16:00 run fire and the 17:00 one take its place). Starts after it.
 */
async function clearOfTheHour(marginMs: number): Promise<void> {
  const toNextHour = HOUR_MS - (Date.now() % HOUR_MS);
  if (toNextHour < marginMs) await new Promise((resolve) => setTimeout(resolve, toNextHour + 2_000));
}

describe('rules-engine scheduled evaluation (real Redis, PostgreSQL and Kafka)', () => {
  const apps: TestApp[] = [];
  const queues: Queue[] = [];

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    for (const queue of queues.splice(0)) {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  it('registers one hourly run however many instances start or restart', async () => {
    await clearOfTheHour(120_000);
    const prefix = uniquePrefix();
    const queue = queueOf(prefix);
    queues.push(queue);
    const first = await startTestApp(parts, { BULLMQ_PREFIX: prefix });
    apps.push(first);
    const second = await startTestApp(parts, { BULLMQ_PREFIX: prefix });
    apps.push(second);

    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toEqual([
      expect.objectContaining({ key: SCHEDULED_EVALUATION_ID, pattern: '0 * * * *', tz: 'Asia/Shanghai' }),
    ]);
    const pending = await queue.getJobs(['delayed', 'wait', 'prioritized', 'active']);
    expect(pending).toHaveLength(1);
    // The next run is at the top of the next hour, the same for every instance that computes it.
    const runAt = pending[0].timestamp + pending[0].delay;
    expect(runAt % HOUR_MS).toBe(0);
    expect(runAt - Date.now()).toBeLessThanOrEqual(HOUR_MS);

    // A restart upserts the same scheduler again: still one scheduler and one next run, the same job.
    await apps.pop()!.close();
    apps.push(await startTestApp(parts, { BULLMQ_PREFIX: prefix }));
    expect(await queue.getJobSchedulersCount()).toBe(1);
    const afterRestart = await queue.getJobs(['delayed', 'wait', 'prioritized', 'active']);
    expect(afterRestart.map((job) => job.id)).toEqual([pending[0].id]);
    expect(afterRestart[0].opts).toMatchObject({ attempts: 3, removeOnFail: false });
  }, 300_000);

  it('a scheduled run evaluates what only the passing of time makes due', async () => {
    const prefix = uniquePrefix();
    const queue = queueOf(prefix);
    queues.push(queue);
    // Every second instead of every hour, so the test need not wait for the top of the hour.
    const t = await startTestApp(parts, {
      BULLMQ_PREFIX: prefix,
      EVALUATION_SCHEDULE: '* * * * * *',
      ALERT_SETTLE_SECONDS: '0',
    });
    apps.push(t);
    const alerts = await TopicReader.start(t.topic(Topics.alert));
    try {
      // A project already in the read model, with no event to trigger an evaluation: started in September and
      // still without a wage account, which only the clock makes overdue.
      const code = `P-${randomBytes(3).toString('hex')}`;
      await t.dataSource.query(
        `INSERT INTO rules.projects (code, name, region_code, contractor_credit_code, contract_amount_fen,
                                     start_date, payday, registered_at)
         VALUES ($1, '工地', '350206', '91350200MA2Y8N3K0A', 100000000, '2026-09-01', 15, now())`,
        [code],
      );
      const key = alertKey('NO_WAGE_ACCOUNT', code, null);
      const messages = await alerts.waitFor(
        (m) =>
          m.some((message) => {
            const event = JSON.parse(message.value!);
            return event.type === 'AlertRaised' && event.data.alertKey === key;
          }),
        { description: 'NO_WAGE_ACCOUNT raised by a scheduled run', timeoutMs: 30_000 },
      );
      const raised = messages
        .map((message) => JSON.parse(message.value!))
        .filter((event) => event.data.alertKey === key);
      expect(raised).toHaveLength(1);
      // Runs come every second: a run that finds the project locked by the run before it evaluates nothing, so
      // look for the run that did the work — the current month and the two before it, of the one project. Its
      // outbox can reach Kafka before BullMQ records the job as completed, so wait for that record.
      const done = await waitFor(
        async () => {
          const jobs = await queue.getJobs(['completed']);
          return jobs.some((job) => job.returnvalue?.evaluated === 3) && jobs;
        },
        { description: 'the completed run that evaluated the project', timeoutMs: 30_000 },
      );
      expect(done.every((job) => job.name === 'scheduled-evaluation')).toBe(true);
    } finally {
      await alerts.stop();
    }
  }, 120_000);

  it('waits while the read model is behind its topics, and judges only once it has caught up', async () => {
    const prefix = uniquePrefix();
    const queue = queueOf(prefix);
    queues.push(queue);
    const t = await startTestApp(parts, {
      BULLMQ_PREFIX: prefix,
      EVALUATION_SCHEDULE: '* * * * * *',
      ALERT_SETTLE_SECONDS: '0',
      READ_MODEL_CATCH_UP_SECONDS: '1',
    });
    apps.push(t);
    const alerts = await TopicReader.start(t.topic(Topics.alert));
    const consumers = t.app.get(ReadModelConsumers);
    try {
      // The engine stops consuming (as in a Kafka outage, or a backlog) and an event waits on the project topic.
      await consumers.beforeApplicationShutdown();
      const waiting = `Q-${randomBytes(3).toString('hex')}`;
      await t.app.get(KafkaClient).send(Topics.project, [
        envelope(ProjectRegistered, waiting, {
          code: waiting,
          name: '工地',
          regionCode: '350206',
          contractor: { name: '某建设公司', creditCode: '91350200MA2Y8N3K0A' },
          owner: { name: '某开发公司' },
          contractAmountFen: 100_000_000,
          startDate: '2026-09-01',
          payday: 15,
          status: 'IN_CONSTRUCTION',
          apiKeyHash: hash(),
        }),
      ]);
      const code = `P-${randomBytes(3).toString('hex')}`;
      await t.dataSource.query(
        `INSERT INTO rules.projects (code, name, region_code, contractor_credit_code, contract_amount_fen,
                                     start_date, payday, registered_at)
         VALUES ($1, '工地', '350206', '91350200MA2Y8N3K0A', 100000000, '2026-09-01', 15, now())`,
        [code],
      );
      const postponed = await waitFor(
        async () => {
          const jobs = await queue.getJobs(['failed', 'delayed', 'wait', 'active']);
          return jobs.find((job) => job.failedReason?.includes('read model had not consumed'));
        },
        { description: 'a run postponed because the read model is behind', timeoutMs: 30_000 },
      );
      expect(postponed.failedReason).toContain(Topics.project);
      // Nothing was judged while it was behind, not even what the missing event has nothing to do with.
      const key = alertKey('NO_WAGE_ACCOUNT', code, null);
      const raisedFor = (m: { value: string | null }[]) =>
        m.some((message) => JSON.parse(message.value!).data.alertKey === key);
      expect(raisedFor(alerts.messages)).toBe(false);

      await consumers.onApplicationBootstrap();
      await alerts.waitFor(raisedFor, {
        description: 'NO_WAGE_ACCOUNT raised by a run after the read model caught up',
        timeoutMs: 100_000,
      });
      expect(
        await t.dataSource.query(`SELECT 1 FROM rules.projects WHERE code = $1`, [waiting]),
      ).toHaveLength(1);
    } finally {
      await alerts.stop();
    }
  }, 180_000);
});
