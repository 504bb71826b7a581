import { randomUUID } from 'node:crypto';
import { CaseClosed, CaseOpened, Topics } from '@wage/contracts';
import { KafkaClient } from '@wage/platform';
import { waitFor, type TestApp } from '@wage/testing';
import {
  alertData,
  bearer,
  createUser,
  login,
  publishAlertEvent,
  startAlertApp,
  waitForAlert,
  waitForProcessed,
} from '../testing/alert-fixtures';

describe('alert-service: the enforcement case opened from an alert (real PostgreSQL and Kafka)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startAlertApp();
    await createUser(t, { username: 'case.inspector', role: 'INSPECTOR', regionCode: '350206' });
  }, 120_000);
  afterAll(async () => t?.close());

  /** An enforcement event as enforcement-service's outbox publishes it. */
  async function publishEnforcement(type: 'CaseOpened' | 'CaseClosed', projectCode: string, data: unknown) {
    const contract = type === 'CaseOpened' ? CaseOpened : CaseClosed;
    const now = new Date().toISOString();
    const envelope = {
      id: randomUUID(),
      type,
      schemaVersion: 1,
      occurredAt: now,
      recordedAt: now,
      projectCode,
      data: contract.schema.parse(data),
    };
    await t.app
      .get(KafkaClient)
      .send(Topics.enforcement, [{ key: projectCode, value: JSON.stringify(envelope) }]);
    return envelope.id;
  }

  it('shows the case on the alert and in its history, open and then closed', async () => {
    const projectCode = `XM-${randomUUID().slice(0, 6)}`;
    const data = alertData({ projectCode, regionCode: '350206' });
    await publishAlertEvent(t, 'AlertRaised', data);
    const row = await waitForAlert(t, data.alertKey);
    const token = await login(t, 'case.inspector');
    const before = await t.http.get(`/api/v1/alerts/${row.id}`).set(bearer(token));
    expect(before.body.enforcementCase).toBeNull();

    const caseId = randomUUID();
    const employer = { name: '厦门某建设工程有限公司', creditCode: '91350206MA31XM5K8N' };
    await publishEnforcement('CaseOpened', projectCode, {
      caseId,
      source: 'ALERT',
      alertKey: data.alertKey,
      projectCode,
      regionCode: '350206',
      employer,
      openedAt: '2026-11-20T02:00:00.000Z',
      closeBy: '2027-02-26',
    });
    const opened = await waitFor(
      async () => {
        const answer = await t.http.get(`/api/v1/alerts/${row.id}`).set(bearer(token));
        return answer.body.enforcementCase !== null && answer.body;
      },
      { description: 'the case on the alert', timeoutMs: 45_000 },
    );
    expect(opened.enforcementCase).toEqual({
      id: caseId,
      status: 'OPEN',
      openedAt: '2026-11-20T02:00:00.000Z',
      closeBy: '2027-02-26',
      closedAt: null,
      closureCode: null,
    });
    expect(opened.history).toContainEqual(
      expect.objectContaining({ action: 'CASE_OPENED', actor: 'enforcement-service' }),
    );
    // The list shows it too.
    const listed = await t.http.get(`/api/v1/alerts?projectCode=${projectCode}`).set(bearer(token));
    expect(listed.body.items[0].enforcementCase).toMatchObject({ id: caseId, status: 'OPEN' });

    await publishEnforcement('CaseClosed', projectCode, {
      caseId,
      code: 'HANDLED',
      projectCode,
      regionCode: '350206',
      employer,
      closedAt: '2026-12-01T03:00:00.000Z',
      // Extended by 30 working days after it opened: the closure carries the deadline it ended with.
      closeBy: '2027-04-09',
      withinLimit: true,
      unpaidWages: true,
    });
    const closed = await waitFor(
      async () => {
        const answer = await t.http.get(`/api/v1/alerts/${row.id}`).set(bearer(token));
        return answer.body.enforcementCase?.status === 'CLOSED' && answer.body;
      },
      { description: 'the closure on the alert', timeoutMs: 45_000 },
    );
    expect(closed.enforcementCase).toMatchObject({
      closedAt: '2026-12-01T03:00:00.000Z',
      closeBy: '2027-04-09',
      closureCode: 'HANDLED',
    });
    const entry = closed.history.find((e: { action: string }) => e.action === 'CASE_CLOSED');
    expect(entry.note).toBe('已结案（处理结案）');
  }, 120_000);

  it('ignores cases not opened from an alert and closures of cases it does not know', async () => {
    const projectCode = `XM-${randomUUID().slice(0, 6)}`;
    const employer = { name: '某公司' };
    const caseId = randomUUID();
    const opened = await publishEnforcement('CaseOpened', projectCode, {
      caseId,
      source: 'INSPECTOR',
      projectCode,
      regionCode: '350206',
      employer,
      openedAt: new Date().toISOString(),
      closeBy: '2027-02-26',
    });
    const closed = await publishEnforcement('CaseClosed', projectCode, {
      caseId,
      code: 'WITHDRAWN',
      regionCode: '350206',
      employer,
      closedAt: new Date().toISOString(),
      closeBy: '2027-02-26',
      withinLimit: true,
      unpaidWages: false,
    });
    await waitForProcessed(t, opened);
    await waitForProcessed(t, closed);
    expect(
      await t.dataSource.query(`SELECT 1 FROM alerts.alert_enforcement_cases WHERE case_id = $1`, [caseId]),
    ).toHaveLength(0);
    expect(
      await t.dataSource.query(`SELECT 1 FROM alerts.audit_log WHERE details->>'caseId' = $1`, [caseId]),
    ).toHaveLength(0);
  }, 120_000);
});
