import { randomBytes } from 'node:crypto';
import { AlertDismissed, Topics, TransactionRecorded, alertKey } from '@wage/contracts';
import { KafkaClient } from '@wage/platform';
import { startTestApp, TopicReader, waitFor, type ReadMessage, type TestApp } from '@wage/testing';
import { AppModule } from '../app.module';
import { envSchema, serviceDefinition } from '../config/env';
import { envelope, MONTH, projectWithUnpaidWorker } from '../testing/upstream-events.fixtures';
import { MonthFactsRepository } from './month-facts.repository';

// Trustworthy alerts (docs/domain.md, alert lifecycle and data completeness), against real PostgreSQL, Kafka and
// Redis.
// The fixture's project has one worker unpaid for September 2026 (deadline 17 October, payday 15 + 2 grace days).

type AlertMessage = { type: string; data: { alertKey: string; severity: string; detectedAt?: string } };
const parsed = (messages: ReadMessage[]) => messages.map((m) => JSON.parse(m.value!) as AlertMessage);
const ofKey = (messages: ReadMessage[], key: string) =>
  parsed(messages).filter((m) => m.data.alertKey === key);
const SETTLE_SECONDS = 4;
const parts = { envSchema, serviceDefinition, AppModule };
const newCode = () => `P-${randomBytes(3).toString('hex')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function alertRow(t: TestApp, key: string) {
  const [row] = await t.dataSource.query(
    `SELECT status, raised_at, pending_since, severity FROM rules.alerts WHERE alert_key = $1`,
    [key],
  );
  return row as
    { status: string; raised_at: Date | null; pending_since: Date | null; severity: string } | undefined;
}

async function sendProject(t: TestApp, fx: ReturnType<typeof projectWithUnpaidWorker>) {
  const kafka = t.app.get(KafkaClient);
  await kafka.send(Topics.project, fx.project);
  await kafka.send(Topics.roster, fx.roster);
  await kafka.send(Topics.account, fx.account);
}

const payroll = (fx: ReturnType<typeof projectWithUnpaidWorker>, code: string) =>
  envelope(TransactionRecorded, code, {
    accountNumber: fx.accountNumber,
    serialNo: 'PAY-1',
    occurredAt: '2026-10-15T10:00:00+08:00',
    direction: 'DEBIT',
    kind: 'PAYROLL',
    amountFen: 500_000,
    payrollMonth: MONTH,
    counterparty: { name: '张三', accountHash: fx.worker.cardHash, accountMasked: '6222***********0123' },
  });

describe('rules-engine: an absence verdict settles before it is raised', () => {
  let t: TestApp;
  let alerts: TopicReader;

  beforeAll(async () => {
    t = await startTestApp(parts, { ALERT_SETTLE_SECONDS: String(SETTLE_SECONDS) });
    alerts = await TopicReader.start(t.topic(Topics.alert));
  });

  afterAll(async () => {
    await alerts?.stop();
    await t?.close();
  });

  it('a pending arrears that data end within the period is never published', async () => {
    const code = newCode();
    const fx = projectWithUnpaidWorker(code);
    const key = alertKey('WAGE_ARREARS', code, MONTH);
    await sendProject(t, fx);
    await waitFor(async () => (await alertRow(t, key))?.status === 'PENDING', {
      description: 'arrears pending',
    });

    // The bank's payroll arrives a moment after the pay sheet, as it does when a district's history is pushed.
    await t.app.get(KafkaClient).send(Topics.account, [payroll(fx, code)]);
    await waitFor(async () => (await alertRow(t, key)) === undefined, {
      description: 'pending verdict forgotten',
    });
    await sleep((SETTLE_SECONDS + 3) * 1000);

    expect(await alertRow(t, key)).toBeUndefined();
    expect(ofKey(alerts.messages, key)).toEqual([]);
  }, 60_000);

  it('one that holds is raised once, after the settle period', async () => {
    const code = newCode();
    const fx = projectWithUnpaidWorker(code);
    const key = alertKey('WAGE_ARREARS', code, MONTH);
    await sendProject(t, fx);
    const pendingSince = await waitFor(async () => (await alertRow(t, key))?.pending_since ?? undefined, {
      description: 'arrears pending',
    });
    const messages = await alerts.waitFor((m) => ofKey(m, key).length > 0, {
      description: 'arrears raised after the settle period',
      timeoutMs: 30_000,
    });
    await sleep(2_000);
    const events = ofKey(alerts.messages, key);
    expect(events.map((e) => e.type)).toEqual(['AlertRaised']);
    const detectedAt = new Date(ofKey(messages, key)[0].data.detectedAt!).getTime();
    expect(detectedAt - pendingSince.getTime()).toBeGreaterThanOrEqual(SETTLE_SECONDS * 1000);
    // 45+ days past the deadline: RED.
    expect(events[0].data.severity).toBe('RED');
  }, 60_000);

  it('a cash withdrawal (evidence, no counterparty account) raises FUNDS_DIVERTED at once', async () => {
    const code = newCode();
    const fx = projectWithUnpaidWorker(code);
    await sendProject(t, fx);
    await t.app.get(KafkaClient).send(Topics.account, [
      envelope(TransactionRecorded, code, {
        accountNumber: fx.accountNumber,
        serialNo: 'CASH-1',
        occurredAt: '2026-09-20T10:00:00+08:00',
        direction: 'DEBIT',
        kind: 'WITHDRAWAL',
        amountFen: 300_000,
        counterparty: { name: '现金支取' },
      }),
    ]);
    const key = alertKey('FUNDS_DIVERTED', code, MONTH);
    const sent = Date.now();
    await alerts.waitFor((m) => ofKey(m, key).some((e) => e.type === 'AlertRaised'), {
      description: 'FUNDS_DIVERTED raised',
      timeoutMs: 30_000,
    });
    // Raised without waiting for the settle period.
    expect(Date.now() - sent).toBeLessThan(SETTLE_SECONDS * 1000 + 2_000);
    expect(await alertRow(t, key)).toMatchObject({ status: 'OPEN' });
  }, 60_000);
});

describe('rules-engine: a pending verdict survives a restart', () => {
  it('is raised by the next instance once the period has passed', async () => {
    const first = await startTestApp(parts, { ALERT_SETTLE_SECONDS: '6' });
    const alerts = await TopicReader.start(first.topic(Topics.alert));
    const shared = { DATABASE_URL: first.env.DATABASE_URL, KAFKA_TOPIC_PREFIX: first.env.KAFKA_TOPIC_PREFIX };
    let second: TestApp | undefined;
    try {
      const code = newCode();
      const key = alertKey('WAGE_ARREARS', code, MONTH);
      await sendProject(first, projectWithUnpaidWorker(code));
      await waitFor(async () => (await alertRow(first, key))?.status === 'PENDING', {
        description: 'arrears pending',
      });
      await first.app.close();
      second = await startTestApp(parts, { ALERT_SETTLE_SECONDS: '6', ...shared });
      await alerts.waitFor((m) => ofKey(m, key).some((e) => e.type === 'AlertRaised'), {
        description: 'arrears raised by the restarted engine',
        timeoutMs: 40_000,
      });
      expect(ofKey(alerts.messages, key).map((e) => e.type)).toEqual(['AlertRaised']);
    } finally {
      await alerts.stop();
      await second?.close();
      await first.database.drop();
    }
  }, 120_000);
});

describe('rules-engine: time moves every open alert', () => {
  let t: TestApp;
  let alerts: TopicReader;

  beforeAll(async () => {
    // A settle period longer than the test: nothing the events cause is raised; only what the test sets up is.
    // The sweep runs every second so the test need not wait for the top of the hour.
    t = await startTestApp(parts, {
      ALERT_SETTLE_SECONDS: '86400',
      EVALUATION_SCHEDULE: '* * * * * *',
      BULLMQ_PREFIX: `trust-${randomBytes(4).toString('hex')}`,
    });
    alerts = await TopicReader.start(t.topic(Topics.alert));
  });

  afterAll(async () => {
    await alerts?.stop();
    await t?.close();
  });

  it('the sweep moves an open arrears of a month outside its window to RED', async () => {
    const code = newCode();
    const key = alertKey('WAGE_ARREARS', code, MONTH);
    await sendProject(t, projectWithUnpaidWorker(code));
    await waitFor(async () => (await alertRow(t, key))?.status === 'PENDING', {
      description: 'arrears pending',
    });
    // As if raised YELLOW long ago, when it was two days overdue; September is older than the sweep's three months.
    await t.dataSource.query(
      `UPDATE rules.alerts SET status = 'OPEN', severity = 'YELLOW', raised_at = '2026-10-19T09:00:00+08:00',
         pending_since = NULL WHERE alert_key = $1`,
      [key],
    );
    const messages = await alerts.waitFor((m) => ofKey(m, key).some((e) => e.type === 'AlertUpdated'), {
      description: 'arrears updated by the sweep',
      timeoutMs: 30_000,
    });
    expect(ofKey(messages, key)[0]).toMatchObject({ type: 'AlertUpdated', data: { severity: 'RED' } });
  }, 60_000);
});

describe('rules-engine: past instants, the bank feed and the deposit adjustment', () => {
  let t: TestApp;
  let alerts: TopicReader;
  const admin = () => ({ Authorization: `Bearer ${t.env.ADMIN_API_KEY}` });
  const dryRun = async (code: string, asOf: string, month = MONTH) =>
    (
      await t.http
        .post('/api/v1/evaluations')
        .set(admin())
        .send({ projectCode: code, month, asOf })
        .expect(200)
    ).body as { asOf: string; findings: { code: string; severity: string; evidence: { facts: object } }[] };

  beforeAll(async () => {
    // Nothing the events cause is raised within the test, and no sweep runs while it looks at the tables.
    t = await startTestApp(parts, {
      ALERT_SETTLE_SECONDS: '86400',
      EVALUATION_SCHEDULE: '0 0 1 1 *',
      BULLMQ_PREFIX: `trust-${randomBytes(4).toString('hex')}`,
    });
    alerts = await TopicReader.start(t.topic(Topics.alert));
  });

  afterAll(async () => {
    await alerts?.stop();
    await t?.close();
  });

  it('a past asOf is a dry run: findings of that instant, every table and topic unchanged', async () => {
    const code = newCode();
    await sendProject(t, projectWithUnpaidWorker(code));
    await waitFor(
      async () =>
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM rules.pending_evaluations`))[0].n === 0 &&
        (await alertRow(t, alertKey('WAGE_ARREARS', code, MONTH)))?.status === 'PENDING',
      // The first test after the app starts: its consumers join their groups first, slow on a loaded CI machine.
      { description: 'events evaluated', timeoutMs: 60_000 },
    );
    const snapshot = async () =>
      (
        await t.dataSource.query(
          `SELECT (SELECT md5(coalesce(string_agg(a::text, '|' ORDER BY alert_key), '')) FROM rules.alerts a) AS alerts,
                (SELECT count(*)::int FROM rules.outbox_events) AS outbox,
                (SELECT md5(coalesce(string_agg(s::text, '|' ORDER BY project_code, month), ''))
                 FROM rules.assessments s) AS assessments,
                (SELECT count(*)::int FROM rules.alert_suppressions) AS suppressions`,
        )
      )[0];
    const before = await snapshot();
    const messagesBefore = alerts.messages.length;

    // 25 October: the lag of 3 working days after the deadline has passed (19–21 October), so arrears are judged.
    const late = await dryRun(code, '2026-10-25T12:00:00+08:00');
    expect(late.asOf).toBe('2026-10-25T04:00:00.000Z');
    expect(late.findings).toContainEqual(
      expect.objectContaining({
        code: 'WAGE_ARREARS',
        evidence: expect.objectContaining({
          facts: expect.objectContaining({ daysOverdue: 8, bankFeedJudgedBy: 'LAG_ELAPSED' }),
        }),
      }),
    );
    // 20 October: the bank never stated its feed complete and the lag runs to 21 October: arrears wait.
    const early = await dryRun(code, '2026-10-20T12:00:00+08:00');
    expect(early.findings.map((f) => f.code)).not.toContain('WAGE_ARREARS');

    await sleep(1_500);
    expect(await snapshot()).toEqual(before);
    expect(alerts.messages.length).toBe(messagesBefore);
  }, 120_000);

  it('a lagging feed delays arrears and raises BANK_FEED_STALE, YELLOW at twice the lag', async () => {
    const code = newCode();
    const fx = projectWithUnpaidWorker(code);
    await sendProject(t, fx);
    await waitFor(
      async () =>
        (
          await t.dataSource.query(`SELECT 1 FROM rules.accounts WHERE account_number = $1`, [
            fx.accountNumber,
          ])
        ).length === 1,
      { description: 'account projected' },
    );
    // The bank stated its feed complete through 1 October only.
    await t.dataSource.query(`UPDATE rules.accounts SET statement_through = $2 WHERE account_number = $1`, [
      fx.accountNumber,
      '2026-10-01T00:00:00+08:00',
    ]);
    const onTime = await dryRun(code, '2026-10-21T12:00:00+08:00');
    expect(onTime.findings.map((f) => f.code)).not.toContain('WAGE_ARREARS');
    expect(onTime.findings.map((f) => f.code)).not.toContain('BANK_FEED_STALE');
    const stale = await dryRun(code, '2026-10-23T12:00:00+08:00');
    expect(stale.findings).toContainEqual(
      expect.objectContaining({ code: 'BANK_FEED_STALE', severity: 'BLUE' }),
    );
    expect(stale.findings).toContainEqual(
      expect.objectContaining({
        code: 'WAGE_ARREARS',
        evidence: expect.objectContaining({
          facts: expect.objectContaining({ bankFeedCompleteThrough: '2026-09-30T16:00:00.000Z' }),
        }),
      }),
    );
    const yellow = await dryRun(code, '2026-10-28T12:00:00+08:00');
    expect(yellow.findings).toContainEqual(
      expect.objectContaining({ code: 'BANK_FEED_STALE', severity: 'YELLOW' }),
    );

    // Complete through the deadline: arrears are judged on the next day already, and nothing is stale.
    await t.dataSource.query(`UPDATE rules.accounts SET statement_through = $2 WHERE account_number = $1`, [
      fx.accountNumber,
      '2026-10-18T00:00:00+08:00',
    ]);
    const complete = await dryRun(code, '2026-10-18T12:00:00+08:00');
    expect(complete.findings).toContainEqual(
      expect.objectContaining({
        code: 'WAGE_ARREARS',
        evidence: expect.objectContaining({
          facts: expect.objectContaining({ bankFeedJudgedBy: 'STATEMENT_COMPLETE' }),
        }),
      }),
    );
    expect(complete.findings.map((f) => f.code)).not.toContain('BANK_FEED_STALE');
  }, 60_000);

  it('refuses an asOf in the future', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const res = await t.http.post('/api/v1/evaluations').set(admin()).send({ asOf: future }).expect(400);
    expect(res.body.message).toMatch(/in the future/);
  });

  it('the deposit adjustment counts arrears that stood: not a pending verdict, not one dismissed', async () => {
    const creditCode = '91350200MA2Y8N3K0A';
    const code = newCode();
    await sendProject(t, projectWithUnpaidWorker(code));
    const key = alertKey('WAGE_ARREARS', code, MONTH);
    await waitFor(async () => (await alertRow(t, key))?.status === 'PENDING', {
      description: 'arrears pending',
    });
    const facts = t.app.get(MonthFactsRepository);
    const record = () => facts.contractorRecord(t.dataSource.manager, creditCode, new Date());
    // Other tests of this file use the same contractor: leave only this project's alert as a candidate.
    await t.dataSource.query(
      `UPDATE rules.alerts SET dismissed_at = now() WHERE code = 'WAGE_ARREARS' AND alert_key <> $1`,
      [key],
    );
    expect(await record()).toMatchObject({ lastArrearsOn: null, arrearsCounted: [] });

    await t.dataSource.query(
      `UPDATE rules.alerts SET status = 'OPEN', raised_at = '2026-10-19T09:00:00+08:00', pending_since = NULL
       WHERE alert_key = $1`,
      [key],
    );
    expect(await record()).toMatchObject({ lastArrearsOn: '2026-10-19', arrearsCounted: [key] });

    await t.app.get(KafkaClient).send(Topics.alert, [
      envelope(AlertDismissed, code, {
        alertKey: key,
        code: 'WAGE_ARREARS',
        projectCode: code,
        regionCode: '350206',
        month: MONTH,
        reason: '经核实工资已现金发放，工人签字确认',
        dismissedAt: new Date().toISOString(),
      }),
    ]);
    await waitFor(async () => (await record()).lastArrearsOn === null, {
      description: 'the dismissed arrears no longer counted',
    });
  }, 60_000);
});
