import { randomBytes, randomUUID } from 'node:crypto';
import { ProjectGridChanged, Topics, TransactionRecorded, alertKey } from '@wage/contracts';
import { KafkaClient } from '@wage/platform';
import { startTestApp, TopicReader, waitFor, type ReadMessage, type TestApp } from '@wage/testing';
import { AppModule } from '../app.module';
import { envSchema, serviceDefinition } from '../config/env';
import { queueEvaluations } from '../read-model/pending-evaluations';
import { envelope, hash, MONTH, projectWithUnpaidWorker } from '../testing/upstream-events.fixtures';

type AlertMessage = { type: string; data: { alertKey: string; severity: string; code: string } };
const parsed = (messages: ReadMessage[]) => messages.map((m) => JSON.parse(m.value!) as AlertMessage);
const ofKey = (messages: ReadMessage[], type: string, key: string) =>
  parsed(messages).filter((m) => m.type === type && m.data.alertKey === key);

describe('rules-engine evaluation (real PostgreSQL and Kafka)', () => {
  let t: TestApp;
  let alerts: TopicReader;
  let assessments: TopicReader;
  const admin = () => ({ Authorization: `Bearer ${t.env.ADMIN_API_KEY}` });
  const send = (topic: string, messages: { key: string; value: string }[]) =>
    t.app.get(KafkaClient).send(topic, messages);

  beforeAll(async () => {
    // These tests are about the rules and the lifecycle events, not the settle period: verdicts raise at once.
    t = await startTestApp({ envSchema, serviceDefinition, AppModule }, { ALERT_SETTLE_SECONDS: '0' });
    alerts = await TopicReader.start(t.topic(Topics.alert));
    assessments = await TopicReader.start(t.topic(Topics.assessment));
  });

  afterAll(async () => {
    await alerts?.stop();
    await assessments?.stop();
    await t?.close();
  });

  it('raises arrears from events, raises nothing twice on redelivery, and clears it when a late payment arrives', async () => {
    const code = `P-${randomBytes(3).toString('hex')}`;
    const key = alertKey('WAGE_ARREARS', code, MONTH);
    const fx = projectWithUnpaidWorker(code);
    await send(Topics.project, fx.project);
    await send(Topics.roster, fx.roster);
    await send(Topics.account, fx.account);
    await alerts.waitFor((m) => ofKey(m, 'AlertRaised', key).length === 1, {
      description: 'WAGE_ARREARS raised',
      timeoutMs: 60_000,
    });

    // The same events again (redelivery), and the attendance and the appropriation again under new event ids
    // (duplicates); those come last in their partitions, so once they are processed so are the redeliveries.
    const withNewId = (message: { key: string; value: string }) => ({
      ...message,
      value: JSON.stringify({ ...JSON.parse(message.value), id: randomUUID() }),
    });
    await send(Topics.roster, [...fx.roster, withNewId(fx.roster[1])]);
    await send(Topics.account, [...fx.account, withNewId(fx.account[1])]);
    await waitFor(
      async () =>
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM rules.pending_evaluations`))[0].n === 0 &&
        (
          await t.dataSource.query(
            `SELECT count(*)::int AS n FROM rules.processed_events WHERE consumer <> 'rules-engine.alert'`,
          )
        )[0].n === 8,
      { description: 'redeliveries consumed and evaluated' },
    );
    const again = await t.http
      .post('/api/v1/evaluations')
      .set(admin())
      .send({ projectCode: code, month: MONTH })
      .expect(200);
    expect(again.body).toEqual({ evaluated: 1, raised: 0, updated: 0, cleared: 0 });
    const [{ credits }] = await t.dataSource.query(
      `SELECT count(*)::int AS credits FROM rules.transactions WHERE project_code = $1`,
      [code],
    );
    expect(credits).toBe(1);

    await send(Topics.account, [
      envelope(TransactionRecorded, code, {
        accountNumber: fx.accountNumber,
        serialNo: 'PAY-1',
        occurredAt: new Date().toISOString(),
        direction: 'DEBIT',
        kind: 'PAYROLL',
        amountFen: 500_000,
        payrollMonth: MONTH,
        counterparty: { name: '张三', accountHash: fx.worker.cardHash, accountMasked: '6222***********0123' },
      }),
    ]);
    const messages = await alerts.waitFor((m) => ofKey(m, 'AlertCleared', key).length === 1, {
      description: 'WAGE_ARREARS cleared',
      timeoutMs: 30_000,
    });
    expect(ofKey(messages, 'AlertRaised', key)).toHaveLength(1);
    const assessed = await assessments.waitFor(
      (m) =>
        m.some((message) => {
          const event = JSON.parse(message.value!);
          return (
            event.data.projectCode === code &&
            event.data.month === MONTH &&
            event.data.workersPaidInFull === 1
          );
        }),
      { description: 'the month assessed as paid in full' },
    );
    const latest = assessed
      .map((m) => JSON.parse(m.value!))
      .filter((e) => e.data.projectCode === code && e.data.month === MONTH)
      .pop();
    expect(latest.data).toMatchObject({
      inConstruction: true,
      workersDue: 1,
      workersPaidInFull: 1,
      amountDueFen: 500_000,
      amountPaidFen: 500_000,
      coverage: {
        realName: true,
        wageAccount: true,
        // The arrears alert ended the small-contract exemption (arrears within 12 months) and no deposit is stored.
        deposit: false,
        bankPayroll: true,
        monthlyFullPayment: false,
      },
    });
  }, 120_000);

  it('raises FUNDS_DIVERTED as soon as a withdrawal is consumed', async () => {
    const code = `P-${randomBytes(3).toString('hex')}`;
    const fx = projectWithUnpaidWorker(code);
    await send(Topics.project, fx.project);
    await send(Topics.account, [
      ...fx.account,
      envelope(TransactionRecorded, code, {
        accountNumber: fx.accountNumber,
        serialNo: 'WD-1',
        occurredAt: new Date().toISOString(),
        direction: 'DEBIT',
        kind: 'WITHDRAWAL',
        amountFen: 1_000_000,
        counterparty: { name: '某建设公司', accountHash: hash(), accountMasked: '6222***********5555' },
      }),
    ]);
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const key = alertKey('FUNDS_DIVERTED', code, month);
    const messages = await alerts.waitFor((m) => ofKey(m, 'AlertRaised', key).length === 1, {
      description: 'FUNDS_DIVERTED raised',
      timeoutMs: 60_000,
    });
    // ¥10,000 out of a ¥20,000 balance: at least 20% of it, so RED.
    expect(ofKey(messages, 'AlertRaised', key)[0].data.severity).toBe('RED');
  }, 90_000);

  it('clears PAYEE_NOT_ON_ROSTER as soon as the roll arrives after the payroll paid to the worker', async () => {
    const code = `P-${randomBytes(3).toString('hex')}`;
    const fx = projectWithUnpaidWorker(code);
    const key = alertKey('PAYEE_NOT_ON_ROSTER', code, MONTH);
    await send(Topics.project, fx.project);
    // The bank's transactions first, as after an outage when the account topic is drained before the roster topic.
    await send(Topics.account, [
      ...fx.account,
      envelope(TransactionRecorded, code, {
        accountNumber: fx.accountNumber,
        serialNo: 'PAY-1',
        occurredAt: '2026-09-20T10:00:00+08:00',
        direction: 'DEBIT',
        kind: 'PAYROLL',
        amountFen: 500_000,
        payrollMonth: MONTH,
        counterparty: { name: '张三', accountHash: fx.worker.cardHash, accountMasked: '6222***********0123' },
      }),
    ]);
    await alerts.waitFor((m) => ofKey(m, 'AlertRaised', key).length === 1, {
      description: 'PAYEE_NOT_ON_ROSTER raised while the worker is not on the roll yet',
      timeoutMs: 60_000,
    });
    // Only the enrolment: no attendance or pay sheet of the month that would queue it on its own.
    await send(Topics.roster, [fx.roster[0]]);
    await alerts.waitFor((m) => ofKey(m, 'AlertCleared', key).length === 1, {
      description: 'PAYEE_NOT_ON_ROSTER cleared by the enrolment alone',
      timeoutMs: 60_000,
    });
  }, 120_000);

  it('a dry run as of a past instant gives the same findings twice and changes no alert', async () => {
    const code = `P-${randomBytes(3).toString('hex')}`;
    const fx = projectWithUnpaidWorker(code);
    await send(Topics.project, fx.project);
    await send(Topics.roster, fx.roster);
    await waitFor(
      async () =>
        (
          await t.dataSource.query(
            `SELECT count(*)::int AS n FROM rules.pay_sheets WHERE project_code = $1`,
            [code],
          )
        )[0].n === 1 &&
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM rules.pending_evaluations`))[0].n === 0,
      { description: 'the roster consumed and evaluated', timeoutMs: 60_000 },
    );
    // A past instant is a dry run: the same findings each time, and the alerts as they were.
    const asOf = '2026-10-25T12:00:00+08:00';
    const state = () =>
      t.dataSource.query(
        `SELECT alert_key, severity, status, evidence FROM rules.alerts WHERE project_code = $1 ORDER BY alert_key`,
        [code],
      );
    const before = await state();
    const dryRun = () =>
      t.http
        .post('/api/v1/evaluations')
        .set(admin())
        .send({ projectCode: code, month: MONTH, asOf })
        .expect(200);
    const first = (await dryRun()).body;
    const second = (await dryRun()).body;
    expect(second).toEqual(first);
    expect(await state()).toEqual(before);
    // Eight days past the deadline (15 Oct + 2 grace days), the only worker unpaid: ORANGE.
    expect(first.findings).toContainEqual(
      expect.objectContaining({ code: 'WAGE_ARREARS', projectCode: code, month: MONTH, severity: 'ORANGE' }),
    );
  }, 90_000);

  it("carries the project's grid on its alerts and assessments, and follows the project to another grid", async () => {
    const code = `P-${randomBytes(3).toString('hex')}`;
    const key = alertKey('WAGE_ARREARS', code, MONTH);
    const fx = projectWithUnpaidWorker(code);
    const registered = JSON.parse(fx.project[0].value);
    registered.data.gridCode = '350206001'; // 湖里街道
    await send(Topics.project, [{ key: code, value: JSON.stringify(registered) }]);
    await send(Topics.roster, fx.roster);
    await send(Topics.account, fx.account);
    const raisedMessages = await alerts.waitFor((m) => ofKey(m, 'AlertRaised', key).length === 1, {
      description: 'WAGE_ARREARS raised in the grid',
      timeoutMs: 60_000,
    });
    const raised = parsed(raisedMessages).find((m) => m.type === 'AlertRaised' && m.data.alertKey === key);
    expect(raised?.data).toMatchObject({ regionCode: '350206', gridCode: '350206001' });
    const assessed = await assessments.waitFor((m) => m.some((x) => x.key === code), {
      description: 'the grid project assessed',
    });
    const assessment = assessed.find((m) => m.key === code)!;
    expect(JSON.parse(assessment.value!).data).toMatchObject({ regionCode: '350206', gridCode: '350206001' });

    await send(Topics.project, [
      envelope(ProjectGridChanged, code, {
        code,
        regionCode: '350206',
        gridCode: '350206002',
        previousGridCode: '350206001',
      }),
    ]);
    await waitFor(
      async () =>
        (await t.dataSource.query(`SELECT grid_code FROM rules.projects WHERE code = $1`, [code]))[0]
          ?.grid_code === '350206002',
      { description: 'the grid change consumed' },
    );
  });

  it('queues a project-month again without waiting for its evaluation, and evaluates it again', async () => {
    const target = { projectCode: `P-${randomBytes(3).toString('hex')}`, month: MONTH };
    const queued = async () =>
      (
        await t.dataSource.query(
          `SELECT queued_at::text AS "queuedAt", claimed_until AS "claimedUntil"
           FROM rules.pending_evaluations WHERE project_code = $1`,
          [target.projectCode],
        )
      )[0] as { queuedAt: string; claimedUntil: Date | null } | undefined;
    // The project's evaluation lock is held from outside: the worker claims the project-month and then waits.
    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(hashtext('rules-engine:' || $1))`, [target.projectCode]);
      await t.dataSource.transaction((manager) => queueEvaluations(manager, [target]));
      const claimed = await waitFor(
        async () => {
          const row = await queued();
          return row?.claimedUntil ? row : false;
        },
        { description: 'the worker to claim the project-month' },
      );
      // A consumer queuing it again: at once, not after the evaluation (which cannot end while the lock is held).
      await t.dataSource.transaction(async (manager) => {
        await manager.query(`SET LOCAL lock_timeout = '10s'`);
        await queueEvaluations(manager, [target]);
      });
      const again = await queued();
      expect(again?.claimedUntil).toBeNull();
      expect(again?.queuedAt).not.toBe(claimed.queuedAt);
    } finally {
      await holder.query(`SELECT pg_advisory_unlock_all()`);
      await holder.release();
    }
    await waitFor(async () => (await queued()) === undefined, {
      description: 'the project-month evaluated again and taken off the queue',
    });
  });

  it('refuses an evaluation request from a non-admin and a malformed month', async () => {
    await t.http.post('/api/v1/evaluations').send({}).expect(401);
    const bad = await t.http.post('/api/v1/evaluations').set(admin()).send({ month: '2026-13' }).expect(400);
    expect(bad.body.error).toBe('BAD_REQUEST');
  });
});
