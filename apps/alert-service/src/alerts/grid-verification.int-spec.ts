import { randomUUID } from 'node:crypto';
import {
  Topics,
  VerificationOverdue,
  VerificationRecorded,
  VerificationRequested,
  type EventContract,
} from '@wage/contracts';
import { KafkaClient } from '@wage/platform';
import { waitFor, type TestApp } from '@wage/testing';
import { signWebhookBody } from '../notifications/channels/senders';
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

/**
 * enforcement-service's grid verification (核实) as alert-service takes it: a visit entered in the alert's history,
 * a request to the grid's assistants, an overdue one to the district's inspectors (real PostgreSQL, Kafka, SMTP).
 */
describe('alert-service: grid verifications (real PostgreSQL, Kafka, SMTP)', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let inspector: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    receiver = await startReceiver();
    t = await startAlertApp({ SMTP_URL: smtp.url });
    await createUser(t, {
      username: 'zhou.huli.street',
      role: 'GRID_ASSISTANT',
      regionCode: '350206001',
      email: 'zhou.grid@example.gov.cn',
      webhookUrl: receiver.url('/zhou'),
    });
    await createUser(t, {
      username: 'wu.dianqian.street',
      role: 'GRID_ASSISTANT',
      regionCode: '350206002',
      email: 'wu.grid@example.gov.cn',
    });
    await createUser(t, {
      username: 'li.huli.inspector',
      role: 'INSPECTOR',
      regionCode: '350206',
      email: 'li.inspector@example.gov.cn',
    });
    await createUser(t, {
      username: 'chen.siming.inspector',
      role: 'INSPECTOR',
      regionCode: '350203',
      email: 'chen.inspector@example.gov.cn',
    });
    inspector = await login(t, 'li.huli.inspector');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await receiver?.close();
  });

  /** An event as enforcement-service's outbox publishes it, keyed by grid code; a new event id each time. */
  async function publish(
    contract: EventContract,
    data: { gridCode: string; projectCode?: string },
  ): Promise<string> {
    const now = new Date().toISOString();
    const envelope = {
      id: randomUUID(),
      type: contract.type,
      schemaVersion: 1,
      occurredAt: now,
      recordedAt: now,
      projectCode: data.projectCode,
      data: contract.schema.parse(data),
    };
    await t.app
      .get(KafkaClient)
      .send(Topics.enforcement, [{ key: data.gridCode, value: JSON.stringify(envelope) }]);
    return envelope.id;
  }

  const mailsAbout = (heading: string, projectCode: string) =>
    smtp.mails.filter((m) => m.text.startsWith(heading) && m.text.includes(projectCode));

  const sentFor = async (verificationId: string) =>
    t.dataSource.query(
      `SELECT recipient, channel, status, event FROM alerts.notifications WHERE verification_id = $1
       ORDER BY recipient, channel`,
      [verificationId],
    );

  it("enters a visit in the alert's history once, redelivered or not, without changing its status", async () => {
    const projectCode = `XM-V-${randomUUID().slice(0, 6)}`;
    const data = {
      ...alertData({ projectCode, regionCode: '350206' }),
      gridCode: '350206001',
    };
    await publishAlertEvent(t, 'AlertRaised', data);
    const alertId = String((await waitForAlert(t, data.alertKey)).id);
    const visitId = randomUUID();
    const recorded: VerificationRecorded = {
      verificationId: randomUUID(),
      subject: 'ALERT',
      alertKey: data.alertKey,
      code: 'WAGE_ARREARS',
      severity: 'RED',
      projectCode,
      gridCode: '350206001',
      regionCode: '350206',
      visitId,
      result: 'CONFIRMED',
      recordedBy: 'zhou.huli.street',
      visitedAt: '2026-11-30T02:30:00.000Z',
      findings: '现场见到 12 名工人，反映 10 月工资未发。',
    };
    // The same visit twice (a redelivery under a new event id), and a visit of an alert this service never had.
    const first = await publish(VerificationRecorded, recorded);
    const again = await publish(VerificationRecorded, recorded);
    const unknown = await publish(VerificationRecorded, <VerificationRecorded>{
      ...recorded,
      visitId: randomUUID(),
      alertKey: `WAGE_ARREARS:XM-NOWHERE-${randomUUID().slice(0, 6)}:2026-10`,
    });
    for (const id of [first, again, unknown]) await waitForProcessed(t, id);

    const shown = await t.http.get(`/api/v1/alerts/${alertId}`).set(bearer(inspector)).expect(200);
    expect(shown.body.status).toBe('OPEN');
    const verified = shown.body.history.filter((entry: { action: string }) => entry.action === 'VERIFIED');
    expect(verified).toEqual([
      {
        at: '2026-11-30T02:30:00.000Z',
        actor: 'zhou.huli.street',
        action: 'VERIFIED',
        fromStatus: 'OPEN',
        toStatus: 'OPEN',
        severity: null,
        note: '现场见到 12 名工人，反映 10 月工资未发。',
        result: 'CONFIRMED',
        visitId,
      },
    ]);
    // The unknown alert's visit was skipped, not dead-lettered: nothing was entered for it.
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM alerts.audit_log WHERE action = 'VERIFIED' AND alert_key LIKE '%XM-NOWHERE-%'`,
    );
    expect(n).toBe(0);
  });

  it("asks the grid's assistants, once per person and channel, in Chinese — not another grid's, nor an inspector", async () => {
    const projectCode = `XM-R-${randomUUID().slice(0, 6)}`;
    const verificationId = randomUUID();
    const request: VerificationRequested = {
      verificationId,
      subject: 'ALERT',
      alertKey: `WAGE_ARREARS:${projectCode}:2026-10`,
      code: 'WAGE_ARREARS',
      severity: 'RED',
      projectCode,
      gridCode: '350206001',
      regionCode: '350206',
      requestedAt: '2026-12-01T01:00:00.000Z',
      dueBy: '2026-12-04',
    };
    await publish(VerificationRequested, request);
    const again = await publish(VerificationRequested, request);
    await waitForProcessed(t, again);
    await waitFor(
      async () =>
        mailsAbout('请核实', projectCode).length > 0 &&
        receiver.requests.some((r) => r.path === '/zhou' && r.body.includes(verificationId)) &&
        (await sentFor(verificationId)).every((row: { status: string }) => row.status === 'SENT'),
      { description: 'the verification request delivered', timeoutMs: 45_000 },
    );
    const mails = mailsAbout('请核实', projectCode);
    expect(mails.map((m) => m.to)).toEqual(['zhou.grid@example.gov.cn']);
    expect(mails[0].text).toContain('【红色】欠薪预警');
    expect(mails[0].text).toContain(`项目 ${projectCode}`);
    expect(mails[0].text).toContain('请于 2026-12-04 前到现场核实');
    expect(await sentFor(verificationId)).toEqual([
      { recipient: 'zhou.huli.street', channel: 'EMAIL', status: 'SENT', event: 'verification.requested' },
      { recipient: 'zhou.huli.street', channel: 'WEBHOOK', status: 'SENT', event: 'verification.requested' },
    ]);
    const [hook] = receiver.requests.filter((r) => r.path === '/zhou' && r.body.includes(verificationId));
    expect(hook.headers['x-wage-signature']).toBe(signWebhookBody(hook.body, t.env.WEBHOOK_SIGNING_SECRET));
    expect(JSON.parse(hook.body)).toEqual({
      event: 'verification.requested',
      verification: expect.objectContaining({
        verificationId,
        subject: 'ALERT',
        projectCode,
        gridCode: '350206001',
        dueBy: '2026-12-04',
      }),
    });
  });

  it("sends an overdue verification to the district's inspectors — not a grid assistant, nor another district's", async () => {
    const projectCode = `XM-O-${randomUUID().slice(0, 6)}`;
    const verificationId = randomUUID();
    const overdue: VerificationOverdue = {
      verificationId,
      subject: 'COMPLAINT',
      complaintId: randomUUID(),
      projectCode,
      gridCode: '350206001',
      regionCode: '350206',
      requestedAt: '2026-11-24T01:00:00.000Z',
      dueBy: '2026-11-27',
      workingDaysOverdue: 2,
    };
    await publish(VerificationOverdue, overdue);
    const again = await publish(VerificationOverdue, overdue);
    await waitForProcessed(t, again);
    await waitFor(
      async () =>
        mailsAbout('核实逾期', projectCode).length > 0 &&
        (await sentFor(verificationId)).every((row: { status: string }) => row.status === 'SENT'),
      { description: 'the overdue verification mailed', timeoutMs: 45_000 },
    );
    const mails = mailsAbout('核实逾期', projectCode);
    expect(mails.map((m) => m.to)).toEqual(['li.inspector@example.gov.cn']);
    expect(mails[0].text).toContain('湖里街道');
    expect(mails[0].text).toContain(`投诉/线索 ${overdue.complaintId}`);
    expect(mails[0].text).toContain('应于 2026-11-27 前核实，自 2026-11-27 次日起已逾期 2 个工作日');
    expect(await sentFor(verificationId)).toEqual([
      { recipient: 'li.huli.inspector', channel: 'EMAIL', status: 'SENT', event: 'verification.overdue' },
    ]);
  });
});
