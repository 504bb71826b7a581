import { randomUUID } from 'node:crypto';
import { CaseOverdue, Topics } from '@wage/contracts';
import { KafkaClient } from '@wage/platform';
import { waitFor, type TestApp } from '@wage/testing';
import { createUser, startAlertApp, startSmtp } from '../testing/alert-fixtures';

describe('alert-service: an overdue case goes to the leaders of the region above (real PostgreSQL, Kafka, SMTP)', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startAlertApp({ SMTP_URL: smtp.url });
    await createUser(t, {
      username: 'overdue.city.leader',
      role: 'LEADER',
      regionCode: '350200',
      email: 'city.leader@example.gov.cn',
    });
    await createUser(t, {
      username: 'overdue.province.leader',
      role: 'LEADER',
      regionCode: '350000',
      email: 'province.leader@example.gov.cn',
    });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  /** CaseOverdue as enforcement-service's outbox publishes it; a new event id each time. */
  const publish = (data: CaseOverdue) => {
    const now = new Date().toISOString();
    const envelope = {
      id: randomUUID(),
      type: 'CaseOverdue',
      schemaVersion: 1,
      occurredAt: now,
      recordedAt: now,
      projectCode: data.projectCode,
      data: CaseOverdue.schema.parse(data),
    };
    return t.app
      .get(KafkaClient)
      .send(Topics.enforcement, [{ key: data.projectCode ?? data.caseId, value: JSON.stringify(envelope) }]);
  };

  it('mails the nearest leaders above once per limit, in Chinese, naming the case and its limit', async () => {
    const caseId = randomUUID();
    const overdue: CaseOverdue = {
      caseId,
      projectCode: `XM-${randomUUID().slice(0, 6)}`,
      regionCode: '350206',
      employer: { name: '厦门某建设工程有限公司', creditCode: '91350206MA31XM5K8N' },
      openedAt: '2026-09-14T10:00:00+08:00',
      closeBy: '2026-12-11',
      extended: false,
      workingDaysOverdue: 2,
    };
    await publish(overdue);
    // The same limit found overdue again (the next sweep, or a redelivery under a new id): not notified again.
    await publish(overdue);
    await waitFor(
      async () =>
        (
          await t.dataSource.query(
            `SELECT count(*)::int AS n FROM alerts.processed_events WHERE consumer = 'alert-service.enforcement'`,
          )
        )[0].n >= 2 &&
        smtp.mails.some((m) => m.text.includes(caseId)) &&
        (
          await t.dataSource.query(
            `SELECT 1 FROM alerts.notifications WHERE case_id = $1 AND status = 'SENT'`,
            [caseId],
          )
        ).length > 0,
      { description: 'the overdue case mailed', timeoutMs: 45_000 },
    );
    const mails = smtp.mails.filter((m) => m.text.includes(caseId));
    expect(mails.map((m) => m.to)).toEqual(['city.leader@example.gov.cn']);
    expect(mails[0].text).toContain('案件超过办案期限未结案，已上报');
    expect(mails[0].text).toContain('办结期限 2026-12-11');
    const rows = await t.dataSource.query(
      `SELECT recipient, status, event FROM alerts.notifications WHERE case_id = $1`,
      [caseId],
    );
    expect(rows).toEqual([{ recipient: 'overdue.city.leader', status: 'SENT', event: 'case.overdue' }]);
  });
});
