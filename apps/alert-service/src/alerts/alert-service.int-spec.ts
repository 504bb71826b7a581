import { createHmac, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PUBLIC_BODY_LIMIT_BYTES } from '@wage/platform';
import { staffToken, waitFor, type TestApp } from '@wage/testing';
import { EscalateDueAlertsUseCase } from '../notifications/use-cases/escalate-due-alerts/escalate-due-alerts.use-case';
import { SendDailyDigestsUseCase } from '../notifications/use-cases/send-daily-digests/send-daily-digests.use-case';
import {
  alertData,
  bearer,
  createUser,
  login,
  publishAlertEvent,
  startAlertApp,
  startReceiver,
  startSmtp,
  waitForAlert,
} from '../testing/alert-fixtures';

const HOUR = 3_600_000;

describe('alert-service (real PostgreSQL, Redis, Kafka, SMTP and HTTP receivers)', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let inspectorToken: string;
  let otherRegionToken: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    receiver = await startReceiver(['/broken']);
    t = await startAlertApp({ SMTP_URL: smtp.url });
    await createUser(t, {
      username: 'li.inspector',
      role: 'INSPECTOR',
      regionCode: '350206',
      email: 'li@example.cn',
      webhookUrl: receiver.url('/hook'),
    });
    await createUser(t, {
      username: 'wang.city',
      role: 'INSPECTOR',
      regionCode: '350200',
      email: 'wang@example.cn',
    });
    await createUser(t, {
      username: 'zhao.other',
      role: 'INSPECTOR',
      regionCode: '350103',
      email: 'zhao@example.cn',
    });
    await createUser(t, {
      username: 'chen.leader',
      role: 'LEADER',
      regionCode: '350200',
      email: 'chen@example.cn',
      dingtalkWebhook: receiver.url('/dingtalk'),
    });
    inspectorToken = await login(t, 'li.inspector');
    otherRegionToken = await login(t, 'zhao.other');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
    await receiver.close();
  });

  it('turns a raised alert into one e-mail and one signed webhook, and a redelivered event into none', async () => {
    const data = alertData({ projectCode: 'P-ALERT-1', regionCode: '350206' });
    const envelope = await publishAlertEvent(t, 'AlertRaised', data);
    const row = await waitForAlert(t, data.alertKey);
    await waitFor(() => smtp.mails.length >= 1 && receiver.requests.some((r) => r.path === '/hook'), {
      description: 'the e-mail and the webhook',
    });

    // Most specific first: only the district inspector, not the city one.
    expect(smtp.mails.map((m) => m.to)).toEqual(['li@example.cn']);
    expect(smtp.mails[0].text).toContain(`/alerts/${row.id}`);
    expect(smtp.mails[0].text).toContain('English:');
    const [hook] = receiver.requests.filter((r) => r.path === '/hook');
    const expected = `sha256=${createHmac('sha256', t.env.WEBHOOK_SIGNING_SECRET).update(hook.body).digest('hex')}`;
    expect(hook.headers['x-wage-signature']).toBe(expected);
    expect(JSON.parse(hook.body)).toMatchObject({
      event: 'alert.raised',
      alert: { id: row.id, code: 'WAGE_ARREARS', severity: 'RED', status: 'OPEN', projectCode: 'P-ALERT-1' },
    });

    // The same event again, and a new event with the same facts: neither reaches anyone a second time.
    await publishAlertEvent(t, 'AlertRaised', data, envelope.id);
    await publishAlertEvent(t, 'AlertRaised', { ...data, detectedAt: new Date().toISOString() });
    await waitFor(async () => {
      const [r] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM alerts.audit_log WHERE alert_id = $1`,
        [row.id],
      );
      return r.n >= 2;
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(smtp.mails).toHaveLength(1);
    expect(receiver.requests.filter((r) => r.path === '/hook')).toHaveLength(1);

    const log = await t.http.get(`/api/v1/notifications?alertId=${row.id}`).set(bearer(inspectorToken));
    expect(log.status).toBe(200);
    expect(log.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ recipient: 'li.inspector', channel: 'EMAIL', status: 'SENT', attempts: 1 }),
        expect.objectContaining({
          recipient: 'li.inspector',
          channel: 'WEBHOOK',
          status: 'SENT',
          attempts: 1,
        }),
      ]),
    );
  });

  it('scopes lists, details and the delivery log to the caller region', async () => {
    const data = alertData({ projectCode: 'P-ALERT-2', regionCode: '350206', code: 'PAY_SHEET_MISSING' });
    await publishAlertEvent(t, 'AlertRaised', data);
    const row = await waitForAlert(t, data.alertKey);

    const mine = await t.http.get('/api/v1/alerts?code=PAY_SHEET_MISSING').set(bearer(inspectorToken));
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect(Object.keys(mine.body.items[0]).sort()).toEqual(
      [
        'assignee',
        'clearedAt',
        'code',
        'employerCreditCode',
        'enforcementCase',
        'escalation',
        'evidence',
        'history',
        'id',
        'month',
        'projectCode',
        'raisedAt',
        'regionCode',
        'severity',
        'status',
        'title',
        'updatedAt',
      ].sort(),
    );
    const theirs = await t.http.get('/api/v1/alerts').set(bearer(otherRegionToken));
    expect(theirs.body).toMatchObject({ items: [], total: 0 });
    expect((await t.http.get(`/api/v1/alerts/${row.id}`).set(bearer(otherRegionToken))).status).toBe(404);
    expect((await t.http.get(`/api/v1/alerts/${row.id}`).set(bearer(inspectorToken))).status).toBe(200);
    expect(
      (await t.http.get(`/api/v1/notifications?alertId=${row.id}`).set(bearer(otherRegionToken))).status,
    ).toBe(404);
  });

  it("shows the grid of the alert's project, as the rules engine last said", async () => {
    const data = {
      ...alertData({ projectCode: 'P-ALERT-GRID', regionCode: '350206' }),
      gridCode: '350206001',
    };
    await publishAlertEvent(t, 'AlertRaised', data);
    const row = await waitForAlert(t, data.alertKey);
    const shown = await t.http.get(`/api/v1/alerts/${row.id}`).set(bearer(inspectorToken));
    expect(shown.body).toMatchObject({ regionCode: '350206', gridCode: '350206001' });
    // The project moved to another street: the next event carries it.
    await publishAlertEvent(t, 'AlertUpdated', {
      ...data,
      gridCode: '350206002',
      severity: 'RED',
      previousSeverity: 'RED',
      detectedAt: new Date(Date.parse(data.detectedAt) + 1000).toISOString(),
    });
    await waitFor(
      async () =>
        (await t.http.get(`/api/v1/alerts/${row.id}`).set(bearer(inspectorToken))).body.gridCode ===
        '350206002',
      { description: 'the moved grid applied' },
    );
  });

  it('streams only the caller region alerts, with the token in the query string', async () => {
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const open = (token: string) => {
      const chunks: string[] = [];
      const req = httpRequest({ port, path: `/api/v1/alerts/stream?access_token=${token}` }, (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => chunks.push(chunk));
      });
      req.end();
      return { chunks, close: () => req.destroy() };
    };
    const mine = open(inspectorToken);
    const theirs = open(otherRegionToken);
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const data = alertData({
        projectCode: 'P-ALERT-3',
        regionCode: '350206',
        code: 'FUNDS_DIVERTED',
        month: null,
      });
      await publishAlertEvent(t, 'AlertRaised', data);
      await waitFor(() => mine.chunks.join('').includes('P-ALERT-3'), { description: 'the stream event' });
      expect(mine.chunks.join('')).toContain('event: alert.raised');
      expect(theirs.chunks.join('')).not.toContain('P-ALERT-3');
    } finally {
      mine.close();
      theirs.close();
    }
  });

  it('ends a live stream when its token expires, and holds each user to a few streams', async () => {
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const open = (token: string) => {
      const chunks: string[] = [];
      const answer = new Promise<{ status: number; ended: Promise<void> }>((resolve, reject) => {
        const req = httpRequest({ port, path: `/api/v1/alerts/stream?access_token=${token}` }, (res) => {
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => chunks.push(chunk));
          resolve({ status: res.statusCode!, ended: new Promise((done) => res.on('end', done)) });
        });
        req.on('error', reject);
        req.end();
        streams.push(req);
      });
      return { chunks, answer };
    };
    const streams: ReturnType<typeof httpRequest>[] = [];
    const token = (username: string, ttlSeconds: number) =>
      staffToken(t.env.JWT_SECRET, { sub: username, region: '350206' }, ttlSeconds);
    try {
      // Found by the attack pass: a stream went on delivering alert.updated 34 s after its token's exp.
      const short = open(token('li.inspector', 2));
      const { status, ended } = await short.answer;
      expect(status).toBe(200);
      await ended;
      expect(short.chunks.join('')).toContain('event: stream.expired');

      // Found by the attack pass: 60 streams of one user were accepted. Ten are (ALERT_STREAMS_PER_USER).
      const ten = Array.from({ length: 10 }, () => open(token('zhao.other', 600)));
      expect((await Promise.all(ten.map((s) => s.answer))).map((a) => a.status)).toEqual(Array(10).fill(200));
      const eleventh = open(token('zhao.other', 600));
      expect((await eleventh.answer).status).toBe(429);
      expect(JSON.parse(eleventh.chunks.join(''))).toMatchObject({ error: 'TOO_MANY_STREAMS' });
      // Another user is not affected, and closing one stream frees its slot.
      expect((await open(token('wang.city', 600)).answer).status).toBe(200);
      streams[1].destroy();
      await waitFor(async () => (await open(token('zhao.other', 600)).answer).status === 200, {
        description: 'a slot freed by a closed stream',
      });
    } finally {
      streams.forEach((req) => req.destroy());
    }
  });

  it('escalates an unacknowledged RED alert to the city leaders after 4 hours, once', async () => {
    const before = Date.now();
    const data = alertData({ projectCode: 'P-ALERT-4', regionCode: '350206' });
    await publishAlertEvent(t, 'AlertRaised', data);
    const row = await waitForAlert(t, data.alertKey);
    const after = Date.now();
    const escalate = t.app.get(EscalateDueAlertsUseCase);

    expect(await escalate.execute(new Date(before + 4 * HOUR - 60_000))).toEqual({ escalated: 0 });
    // The earlier tests' RED alerts (still open, in this same app) fall due too: at least this one escalates.
    expect((await escalate.execute(new Date(after + 4 * HOUR))).escalated).toBeGreaterThanOrEqual(1);
    expect(await escalate.execute(new Date(after + 5 * HOUR))).toEqual({ escalated: 0 });
    await waitFor(
      () => receiver.requests.some((r) => r.path === '/dingtalk' && r.body.includes('P-ALERT-4')),
      {
        description: 'the DingTalk message to the leader',
      },
    );
    const dingtalk = JSON.parse(
      receiver.requests.find((r) => r.path === '/dingtalk' && r.body.includes('P-ALERT-4'))!.body,
    );
    expect(dingtalk).toMatchObject({ msgtype: 'markdown', markdown: { title: expect.any(String) } });
    expect(dingtalk.markdown.text).toContain(`/alerts/${row.id}`);
    await waitFor(() => smtp.mails.some((m) => m.to === 'chen@example.cn'));
    const detail = await t.http.get(`/api/v1/alerts/${row.id}`).set(bearer(inspectorToken));
    expect(detail.body.history.map((h: { action: string }) => h.action)).toEqual(['RAISED', 'ESCALATED']);
  });

  it('sends BLUE alerts in one daily digest per person, not one by one', async () => {
    // Mails of earlier tests (escalations) may still arrive meanwhile: only mails about these alerts count.
    const aboutBlue = () => smtp.mails.filter((m) => m.text.includes('P-BLUE-'));
    const first = alertData({
      projectCode: 'P-BLUE-1',
      regionCode: '350206',
      severity: 'BLUE',
      code: 'DEPOSIT_GUARANTEE_EXPIRING',
      month: null,
    });
    const second = alertData({
      projectCode: 'P-BLUE-2',
      regionCode: '350206',
      severity: 'BLUE',
      code: 'DEPOSIT_GUARANTEE_EXPIRING',
      month: null,
    });
    await publishAlertEvent(t, 'AlertRaised', first);
    await publishAlertEvent(t, 'AlertRaised', second);
    await waitForAlert(t, first.alertKey);
    await waitForAlert(t, second.alertKey);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(aboutBlue()).toHaveLength(0);

    const digests = t.app.get(SendDailyDigestsUseCase);
    expect(await digests.execute(new Date(Date.now() + HOUR))).toEqual({ digests: 1 });
    expect(await digests.execute(new Date(Date.now() + 2 * HOUR))).toEqual({ digests: 0 });
    await waitFor(() => aboutBlue().length > 0, { description: 'the digest' });
    const [digest] = aboutBlue();
    expect(aboutBlue()).toHaveLength(1);
    expect(digest.to).toBe('li@example.cn');
    expect(digest.text).toContain('P-BLUE-1');
    expect(digest.text).toContain('P-BLUE-2');
  });

  it('retries a failing receiver and then records the notification as failed', async () => {
    await createUser(t, {
      username: 'sun.broken',
      role: 'INSPECTOR',
      regionCode: '350211',
      webhookUrl: receiver.url('/broken'),
    });
    const data = alertData({ projectCode: 'P-ALERT-5', regionCode: '350211' });
    await publishAlertEvent(t, 'AlertRaised', data);
    const row = await waitForAlert(t, data.alertKey);
    const failed = await waitFor(
      async () => {
        const [n] = await t.dataSource.query(`SELECT * FROM alerts.notifications WHERE $1 = ANY(alert_ids)`, [
          row.id,
        ]);
        return n?.status === 'FAILED' ? n : undefined;
      },
      { description: 'the notification to be recorded as failed' },
    );
    expect(failed.attempts).toBe(3);
    expect(failed.errors).toHaveLength(3);
    expect(failed.errors[2]).toContain('HTTP 500');
    expect(receiver.requests.filter((r) => r.path === '/broken')).toHaveLength(3);
  });

  // Found by the attack pass: http://127.0.0.1:6379/ and http://169.254.169.254/ were accepted as webhooks and
  // delivered to. Only 127.0.0.1, where this file's receivers listen, is allow-listed here (WEBHOOK_ALLOWED_HOSTS).
  it('refuses webhooks to the platform network unless allow-listed, at registration and at delivery', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.5:8080/hook',
      'http://[::1]:6379/',
      'http://[::ffff:127.0.0.2]/',
      'http://localhost:6379/',
    ]) {
      const refused = await t.http.post('/api/v1/users').set(bearer(t.env.ADMIN_API_KEY)).send({
        username: 'ma.sneaky',
        password: 'a-long-enough-password',
        role: 'INSPECTOR',
        regionCode: '350212',
        displayName: '马',
        dingtalkWebhook: url,
      });
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual([
        { field: 'dingtalkWebhook', code: 'WEBHOOK_ADDRESS_NOT_ALLOWED', message: expect.any(String) },
      ]);
    }
    // A URL stored before the rule (or whose name now points inside) is checked again at each delivery.
    const sneaky = receiver.url('/sneaky').replace('127.0.0.1', 'localhost');
    await t.dataSource.query(
      `INSERT INTO alerts.users (username, password_hash, role, region_code, display_name, webhook_url)
       VALUES ('ma.sneaky', 'x', 'INSPECTOR', '350212', '马', $1)`,
      [sneaky],
    );
    const data = alertData({ projectCode: 'P-ALERT-8', regionCode: '350212' });
    await publishAlertEvent(t, 'AlertRaised', data);
    const row = await waitForAlert(t, data.alertKey);
    const failed = await waitFor(
      async () => {
        const [n] = await t.dataSource.query(
          `SELECT * FROM alerts.notifications WHERE $1 = ANY(alert_ids) AND recipient = 'ma.sneaky'`,
          [row.id],
        );
        return n?.status === 'FAILED' ? n : undefined;
      },
      { description: 'the webhook to localhost to be refused' },
    );
    expect(failed.errors[0]).toMatch(/refused: localhost is this machine/);
    expect(receiver.requests.filter((r) => r.path === '/sneaky')).toEqual([]);
  });

  // An evaluation as of an earlier instant clears with an earlier clearedAt than the raise it ends; ordered by the
  // instant each event describes, that clear was dropped and the case stayed open for good.
  it('orders a case by when the rules engine recorded each event, not by the instant the event describes', async () => {
    const at = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
    const data = alertData({
      projectCode: 'P-ALERT-7',
      regionCode: '350206',
      detectedAt: '2026-11-20T02:00:00.000Z',
    });
    await publishAlertEvent(t, 'AlertRaised', data, randomUUID(), at(3_000));
    await waitForAlert(t, data.alertKey);
    await publishAlertEvent(
      t,
      'AlertCleared',
      {
        ...data,
        detectedAt: undefined,
        raisedAt: data.detectedAt,
        clearedAt: '2026-11-19T02:00:00.000Z',
        durationSeconds: 0,
      },
      randomUUID(),
      at(2_000),
    );
    await waitForAlert(t, data.alertKey, (row) => row.status === 'CLEARED');
    // A raise the engine recorded before that clear, delivered only now: it changes nothing.
    const late = await publishAlertEvent(t, 'AlertRaised', data, randomUUID(), at(4_000));
    await waitFor(
      async () =>
        (await t.dataSource.query(`SELECT 1 FROM alerts.processed_events WHERE event_id = $1`, [late.id]))
          .length > 0,
    );
    const [row] = await t.dataSource.query(`SELECT status FROM alerts.alerts WHERE alert_key = $1`, [
      data.alertKey,
    ]);
    expect(row.status).toBe('CLEARED');
  });

  it('runs the workflow with an append-only audit log', async () => {
    const data = alertData({ projectCode: 'P-ALERT-6', regionCode: '350206', code: 'REAL_NAME_GAP' });
    await publishAlertEvent(t, 'AlertRaised', data);
    const row = await waitForAlert(t, data.alertKey);
    const url = (action: string) => `/api/v1/alerts/${row.id}/${action}`;
    expect((await t.http.post(url('resolve')).set(bearer(inspectorToken)).send({})).status).toBe(400);
    expect((await t.http.post(url('acknowledge')).set(bearer(otherRegionToken)).send({})).status).toBe(404);
    expect((await t.http.post(url('acknowledge')).set(bearer(inspectorToken)).send({})).body.status).toBe(
      'ACKNOWLEDGED',
    );
    expect(
      (await t.http.post(url('assign')).set(bearer(inspectorToken)).send({ username: 'zhao.other' })).status,
    ).toBe(422);
    expect(
      (await t.http.post(url('assign')).set(bearer(inspectorToken)).send({ username: 'wang.city' })).body
        .assignee,
    ).toBe('wang.city');
    const resolved = await t.http
      .post(url('resolve'))
      .set(bearer(inspectorToken))
      .send({ note: '已约谈，工资已发放' });
    expect(resolved.body.status).toBe('RESOLVED');
    expect((await t.http.post(url('dismiss')).set(bearer(inspectorToken)).send({ reason: 'x' })).status).toBe(
      409,
    );

    // Cleared after a person closed it: stays RESOLVED.
    await publishAlertEvent(t, 'AlertCleared', {
      ...data,
      detectedAt: undefined,
      raisedAt: data.detectedAt,
      clearedAt: new Date().toISOString(),
      durationSeconds: 60,
    });
    await waitFor(async () => {
      const history = (await t.http.get(`/api/v1/alerts/${row.id}`).set(bearer(inspectorToken))).body.history;
      return history.some((h: { action: string }) => h.action === 'CLEARED') && history;
    });
    const detail = await t.http.get(`/api/v1/alerts/${row.id}`).set(bearer(inspectorToken));
    expect(detail.body.status).toBe('RESOLVED');
    expect(
      detail.body.history.map((h: { actor: string; action: string }) => `${h.actor} ${h.action}`),
    ).toEqual([
      'rules-engine RAISED',
      'user:li.inspector ACKNOWLEDGED',
      'user:li.inspector ASSIGNED',
      'user:li.inspector RESOLVED',
      'rules-engine CLEARED',
    ]);
    await expect(t.dataSource.query(`DELETE FROM alerts.audit_log`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`UPDATE alerts.audit_log SET note = 'x'`)).rejects.toThrow(/append-only/);
  });

  // Found by the attack pass (issue 16 item 12): /auth/login parsed bodies of ~19 MB from anyone, without a key.
  it('reads only a small login body: a larger one is a 413 in Chinese, and a login of ordinary size goes through', async () => {
    const refused = await t.http
      .post('/api/v1/auth/login')
      .send({ username: 'wang.city', password: 'x'.repeat(PUBLIC_BODY_LIMIT_BYTES) });
    expect(refused.status).toBe(413);
    expect(refused.body).toEqual({
      error: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('登录只需用户名和密码'),
      details: [],
    });
    const ok = await t.http
      .post('/api/v1/auth/login')
      .send({ username: 'wang.city', password: 'a-long-enough-password' });
    expect(ok.status).toBe(200);
  });

  it('slows down repeated failed logins per account and address, never locking the owner out', async () => {
    const attempt = (username: string, password: string, address: string) =>
      t.http.post('/api/v1/auth/login').set('x-forwarded-for', address).send({ username, password });
    const stranger = '203.0.113.7';
    for (let i = 0; i < 4; i += 1)
      expect((await attempt('wang.city', 'not-the-password', stranger)).status).toBe(401);
    // The 5th failure makes the stranger wait, even with the right password, and answers the same for a username
    // that does not exist, so the wait reveals nothing about which usernames exist.
    expect((await attempt('wang.city', 'not-the-password', stranger)).status).toBe(401);
    const waiting = await attempt('wang.city', 'a-long-enough-password', stranger);
    expect(waiting.status).toBe(429);
    expect(waiting.body).toEqual({
      error: 'TOO_MANY_LOGIN_FAILURES',
      message: expect.stringMatching(/from this address; wait (29|30) s/),
      details: [],
    });
    for (let i = 0; i < 5; i += 1) await attempt('nobody', 'whatever-it-is', stranger);
    expect((await attempt('nobody', 'whatever-it-is', stranger)).body.error).toBe('TOO_MANY_LOGIN_FAILURES');
    // The owner, from their own address (behind the gateway, which appends it last), is not locked out.
    const owner = await attempt('wang.city', 'a-long-enough-password', `${stranger}, 198.51.100.20`);
    expect(owner.status).toBe(200);
    expect(owner.body.accessToken).toEqual(expect.any(String));
    const unknown = await attempt('nobody', 'whatever-it-is', '198.51.100.20');
    const wrong = await attempt('wang.city', 'not-the-password', '198.51.100.20');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });
});
