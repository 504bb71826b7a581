import type { Severity } from '@wage/contracts';
import type { TestApp } from '@wage/testing';
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

describe('alert-service: alert history (real services)', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let inspectorToken: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    receiver = await startReceiver();
    t = await startAlertApp({ SMTP_URL: smtp.url });
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
    await t.close();
    await smtp.close();
    await receiver.close();
  });

  const detail = async (id: string) =>
    (await t.http.get(`/api/v1/alerts/${id}`).set(bearer(inspectorToken))).body;
  const publishAndApply = async (...args: Parameters<typeof publishAlertEvent>) => {
    const envelope = await publishAlertEvent(...args);
    await waitForProcessed(t, envelope.id);
    return envelope;
  };

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
});
