import { Topics, deadLetterTopic, type Severity } from '@wage/contracts';
import { TopicReader, waitFor, type TestApp } from '@wage/testing';
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
  waitForProcessed,
} from '../testing/alert-fixtures';

/** The rules engine's word that the condition still holds, at `severity`, detected now unless told otherwise. */
const updateOf = <D extends { severity: Severity }>(
  data: D,
  severity: Severity,
  changes: Partial<D> = {},
) => ({
  ...data,
  severity,
  previousSeverity: data.severity,
  detectedAt: new Date().toISOString(),
  ...changes,
});

const clearOf = (data: ReturnType<typeof alertData>) => ({
  ...data,
  detectedAt: undefined,
  raisedAt: data.detectedAt,
  clearedAt: new Date().toISOString(),
  durationSeconds: 60,
});

describe('alert-service: cases a person closed, dismissals told to the rules engine (real services)', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let alertTopic: TopicReader;
  let deadLetters: TopicReader;
  let inspectorToken: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    receiver = await startReceiver();
    t = await startAlertApp({ SMTP_URL: smtp.url });
    alertTopic = await TopicReader.start(t.topic(Topics.alert));
    deadLetters = await TopicReader.start(t.topic(deadLetterTopic(Topics.alert)));
    await createUser(t, {
      username: 'lin.inspector',
      role: 'INSPECTOR',
      regionCode: '350206',
      email: 'lin@example.cn',
      webhookUrl: receiver.url('/hook'),
    });
    inspectorToken = await login(t, 'lin.inspector');
  });
  afterAll(async () => {
    await alertTopic.stop();
    await deadLetters.stop();
    await t.close();
    await smtp.close();
    await receiver.close();
  });

  const detail = async (id: string) =>
    (await t.http.get(`/api/v1/alerts/${id}`).set(bearer(inspectorToken))).body;
  const actions = async (id: string) => (await detail(id)).history.map((h: { action: string }) => h.action);
  const notifications = async (
    id: string,
  ): Promise<{ recipient: string; channel: string; reason: string }[]> =>
    t.dataSource.query(
      `SELECT recipient, channel, reason FROM alerts.notifications WHERE $1 = ANY(alert_ids)
       ORDER BY created_at, channel`,
      [id],
    );
  const act = async (id: string, action: 'resolve' | 'dismiss', body: Record<string, string>) => {
    const response = await t.http
      .post(`/api/v1/alerts/${id}/${action}`)
      .set(bearer(inspectorToken))
      .send(body);
    expect(response.status).toBe(200);
    return response.body;
  };
  const publishAndApply = async (...args: Parameters<typeof publishAlertEvent>) => {
    const envelope = await publishAlertEvent(...args);
    await waitForProcessed(t, envelope.id);
    return envelope;
  };

  it('keeps a resolved alert resolved while the data show the condition, silent, noted once per change', async () => {
    const data = alertData({ projectCode: 'P-LIFE-1', regionCode: '350206', severity: 'YELLOW' });
    await publishAlertEvent(t, 'AlertRaised', data);
    const row = await waitForAlert(t, data.alertKey);
    expect((await act(row.id, 'resolve', { note: '已约谈，承诺三日内补发' })).status).toBe('RESOLVED');

    const moreWorkers = { ...data.evidence, workersAffected: 13 };
    await publishAndApply(t, 'AlertUpdated', updateOf(data, 'YELLOW', { evidence: moreWorkers }));
    // The same facts again, in a new event: nothing new to note.
    await publishAndApply(t, 'AlertUpdated', updateOf(data, 'YELLOW', { evidence: moreWorkers }));
    // A repeated raise without a clear in between is the same condition too.
    await publishAndApply(t, 'AlertRaised', {
      ...data,
      evidence: moreWorkers,
      detectedAt: new Date().toISOString(),
    });
    await publishAndApply(t, 'AlertUpdated', updateOf(data, 'BLUE', { evidence: moreWorkers }));

    const alert = await detail(row.id);
    expect(alert).toMatchObject({ status: 'RESOLVED', severity: 'BLUE', evidence: { workersAffected: 13 } });
    expect(
      alert.history.map((h: { action: string; toStatus: string }) => `${h.action} ${h.toStatus}`),
    ).toEqual(['RAISED OPEN', 'RESOLVED RESOLVED', 'PERSISTS RESOLVED', 'PERSISTS RESOLVED']);
    expect(alert.history[2].note).toContain('the data show the condition persists');
    expect(alert.history[3].note).toContain('YELLOW → BLUE');
    // Only the raise was ever notified (in the same transactions as the events, so nothing is still to come).
    expect((await notifications(row.id)).map((n) => n.reason)).toEqual(['raised-1', 'raised-1']);
  });

  it('reopens a resolved alert whose severity rose, and tells each person once per channel why', async () => {
    const data = alertData({ projectCode: 'P-LIFE-2', regionCode: '350206', severity: 'YELLOW' });
    await publishAlertEvent(t, 'AlertRaised', data);
    const row = await waitForAlert(t, data.alertKey);
    await act(row.id, 'resolve', { note: '已核实，工资已部分发放' });

    await publishAndApply(t, 'AlertUpdated', updateOf(data, 'ORANGE'));
    // The same severity once more (now OPEN again): no second notification.
    await publishAndApply(t, 'AlertUpdated', updateOf(data, 'ORANGE'));

    const alert = await detail(row.id);
    expect(alert).toMatchObject({ status: 'OPEN', severity: 'ORANGE' });
    expect(alert.history.map((h: { action: string }) => h.action)).toEqual([
      'RAISED',
      'RESOLVED',
      'REOPENED',
      'UPDATED',
    ]);
    expect(alert.history[2]).toMatchObject({ fromStatus: 'RESOLVED', toStatus: 'OPEN', severity: 'ORANGE' });
    expect(alert.history[2].note).toContain('severity rose to ORANGE, above YELLOW');
    const reopened = (await notifications(row.id)).filter((n) => n.reason !== 'raised-1');
    expect(reopened).toEqual([
      { recipient: 'lin.inspector', channel: 'EMAIL', reason: 'reopened-1-ORANGE' },
      { recipient: 'lin.inspector', channel: 'WEBHOOK', reason: 'reopened-1-ORANGE' },
    ]);

    const about = () => smtp.mails.filter((m) => m.text.includes('P-LIFE-2'));
    await waitFor(() => about().length >= 2, { description: 'the raise and the reopening by e-mail' });
    const reopenMails = about().filter((m) => m.text.includes('重新打开'));
    expect(reopenMails).toHaveLength(1);
    expect(reopenMails[0].text).toContain('已办结的预警因严重程度升高重新打开');
    expect(reopenMails[0].text).toContain('reopened: the severity rose after the alert was resolved');
    const hooks = await waitFor(
      () => {
        const found = receiver.requests.filter((r) => r.path === '/hook' && r.body.includes('P-LIFE-2'));
        return found.length >= 2 && found.map((r) => JSON.parse(r.body));
      },
      { description: 'the webhooks' },
    );
    expect(hooks.find((hook) => hook.event === 'alert.updated')).toMatchObject({
      event: 'alert.updated',
      alert: { id: row.id, status: 'OPEN', severity: 'ORANGE' },
    });
  });

  it('keeps a dismissed alert dismissed whatever the severity; a raise after a clear is a new occurrence', async () => {
    const data = alertData({ projectCode: 'P-LIFE-3', regionCode: '350206', severity: 'YELLOW' });
    await publishAlertEvent(t, 'AlertRaised', data);
    const row = await waitForAlert(t, data.alertKey);
    await act(row.id, 'dismiss', { reason: '考勤数据重复导入，实际无欠薪' });

    await publishAndApply(t, 'AlertUpdated', updateOf(data, 'RED'));
    await publishAndApply(t, 'AlertRaised', {
      ...data,
      severity: 'RED',
      detectedAt: new Date().toISOString(),
    });
    expect(await detail(row.id)).toMatchObject({ status: 'DISMISSED', severity: 'RED' });
    expect((await notifications(row.id)).map((n) => n.reason)).toEqual(['raised-1', 'raised-1']);

    // Cleared after it was dismissed: stays DISMISSED. Raised again afterwards: the condition came back.
    await publishAndApply(t, 'AlertCleared', clearOf({ ...data, severity: 'RED' }));
    expect((await detail(row.id)).status).toBe('DISMISSED');
    await publishAndApply(t, 'AlertRaised', { ...data, detectedAt: new Date().toISOString() });
    expect(await detail(row.id)).toMatchObject({ status: 'OPEN', clearedAt: null });
    expect(await actions(row.id)).toEqual(['RAISED', 'DISMISSED', 'PERSISTS', 'CLEARED', 'RAISED']);
    expect((await notifications(row.id)).map((n) => n.reason)).toContain('raised-2');
  });

  it('tells the rules engine of a dismissal: exactly one AlertDismissed with the reason, skipped by its own consumer', async () => {
    const data = alertData({ projectCode: 'P-LIFE-4', regionCode: '350206' });
    await publishAlertEvent(t, 'AlertRaised', data);
    const row = await waitForAlert(t, data.alertKey);
    const reason = '重复上报，已在另一预警中处理';
    const dismissed = await act(row.id, 'dismiss', { reason });

    const isDismissal = (m: { value: string | null }) => {
      const envelope = JSON.parse(m.value ?? '{}');
      return envelope.type === 'AlertDismissed' && envelope.data.alertKey === data.alertKey;
    };
    await alertTopic.waitFor((messages) => messages.some(isDismissal), { description: 'the AlertDismissed' });
    await waitFor(
      async () =>
        (
          await t.dataSource.query(
            `SELECT 1 FROM alerts.outbox_events WHERE type = 'AlertDismissed' AND published_at IS NULL`,
          )
        ).length === 0,
    );
    const published = alertTopic.messages.filter(isDismissal);
    expect(published).toHaveLength(1);
    expect(published[0].key).toBe('P-LIFE-4');
    const envelope = JSON.parse(published[0].value!);
    expect(envelope).toMatchObject({ type: 'AlertDismissed', schemaVersion: 1, projectCode: 'P-LIFE-4' });
    expect(envelope.data).toEqual({
      alertKey: data.alertKey,
      code: 'WAGE_ARREARS',
      projectCode: 'P-LIFE-4',
      regionCode: '350206',
      month: '2026-10',
      reason,
      dismissedAt: dismissed.updatedAt,
    });

    // alert-service reads its own event back from the topic: recorded as processed, and the case untouched.
    await waitForProcessed(t, envelope.id);
    expect(await detail(row.id)).toMatchObject({ status: 'DISMISSED' });
    expect(await actions(row.id)).toEqual(['RAISED', 'DISMISSED']);
    expect(deadLetters.messages.filter((m) => m.value?.includes(envelope.id))).toHaveLength(0);
  });

  it('skips an AlertDismissed on the topic instead of dead-lettering it', async () => {
    const data = alertData({ projectCode: 'P-LIFE-5', regionCode: '350206' });
    await publishAlertEvent(t, 'AlertRaised', data);
    const row = await waitForAlert(t, data.alertKey);
    const dismissal = await publishAndApply(t, 'AlertDismissed', {
      alertKey: data.alertKey,
      code: data.code,
      projectCode: data.projectCode,
      regionCode: data.regionCode,
      month: data.month,
      reason: '另一副本已处理',
      dismissedAt: new Date().toISOString(),
    });
    expect(await detail(row.id)).toMatchObject({ status: 'OPEN' });
    expect(await actions(row.id)).toEqual(['RAISED']);
    expect(deadLetters.messages.filter((m) => m.value?.includes(dismissal.id))).toHaveLength(0);
  });

  it('orders history by when each entry happened, not by when it reached the service', async () => {
    const secondsAgo = (s: number) => new Date(Date.now() - s * 1_000).toISOString();
    const data = alertData({
      projectCode: 'P-LIFE-6',
      regionCode: '350206',
      severity: 'YELLOW',
      detectedAt: secondsAgo(60),
    });
    await publishAlertEvent(t, 'AlertRaised', data);
    const row = await waitForAlert(t, data.alertKey);
    const acknowledged = await t.http
      .post(`/api/v1/alerts/${row.id}/acknowledge`)
      .set(bearer(inspectorToken))
      .send({});
    expect(acknowledged.status).toBe(200);
    // Detected before the inspector acknowledged, delivered after.
    await publishAndApply(t, 'AlertUpdated', updateOf(data, 'ORANGE', { detectedAt: secondsAgo(30) }));

    const history: { at: string; action: string }[] = (await detail(row.id)).history;
    expect(history.map((h) => h.action)).toEqual(['RAISED', 'UPDATED', 'ACKNOWLEDGED']);
    expect(history.map((h) => h.at)).toEqual(history.map((h) => h.at).sort());
  });

  it('routes BANK_FEED_STALE to the region inspectors like any alert, and shows it to the administrator', async () => {
    const data = {
      ...alertData({
        projectCode: 'P-LIFE-7',
        regionCode: '350206',
        code: 'BANK_FEED_STALE',
        severity: 'BLUE',
      }),
      title: '项目 P-LIFE-7 专户银行流水未按时报送',
      evidence: {
        workersAffected: 0,
        workers: [],
        amounts: {},
        transactions: [],
        parameters: { bankFeedLagDays: 3 },
        facts: { deadline: '2026-11-16', statementThrough: '2026-11-10T16:00:00.000Z' },
      },
    };
    await publishAlertEvent(t, 'AlertRaised', data);
    const row = await waitForAlert(t, data.alertKey);

    const listed = await t.http.get('/api/v1/alerts?code=BANK_FEED_STALE').set(bearer(t.env.ADMIN_API_KEY));
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 1, items: [{ id: row.id, code: 'BANK_FEED_STALE' }] });

    // BLUE: in the inspector's daily digest, named as the catalogue names it.
    await t.app.get(SendDailyDigestsUseCase).execute(new Date(Date.now() + 3_600_000));
    await waitFor(() => smtp.mails.some((m) => m.text.includes('P-LIFE-7')), { description: 'the digest' });
    const digest = smtp.mails.find((m) => m.text.includes('P-LIFE-7'))!;
    expect(digest.to).toBe('lin@example.cn');
    expect(digest.text).toContain('银行流水未按时报送');

    // YELLOW at twice the lag: notified at once.
    await publishAndApply(t, 'AlertUpdated', updateOf(data, 'YELLOW'));
    expect(await notifications(row.id)).toEqual(
      expect.arrayContaining([{ recipient: 'lin.inspector', channel: 'EMAIL', reason: 'severity-YELLOW' }]),
    );
    await waitFor(() => smtp.mails.filter((m) => m.text.includes('P-LIFE-7')).length >= 2, {
      description: 'the e-mail for the rise',
    });
  });
});
