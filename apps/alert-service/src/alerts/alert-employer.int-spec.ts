import { createHash, randomUUID } from 'node:crypto';
import { ProjectRegistered, Topics } from '@wage/contracts';
import { KafkaClient } from '@wage/platform';
import { eventEnvelope, waitFor, type TestApp } from '@wage/testing';
import {
  alertData,
  bearer,
  createUser,
  login,
  publishAlertEvent,
  startAlertApp,
  waitForAlert,
} from '../testing/alert-fixtures';

/** An alert names its employer — the project's contractor from ProjectRegistered (real PostgreSQL and Kafka). */
describe("alert-service: an alert's employer by credit code", () => {
  let t: TestApp;
  let inspector: string;

  beforeAll(async () => {
    t = await startAlertApp();
    await createUser(t, { username: 'employer.link.inspector', role: 'INSPECTOR', regionCode: '350206' });
    inspector = await login(t, 'employer.link.inspector');
  }, 120_000);
  afterAll(() => t?.close());

  it("answers the contractor's credit code of a registered project, and null for a project it does not know", async () => {
    const projectCode = `XM-E-${randomUUID().slice(0, 6)}`;
    const registered = eventEnvelope(ProjectRegistered, projectCode, {
      code: projectCode,
      name: '湖里区某安置房项目',
      regionCode: '350206',
      contractor: { name: '厦门某建设工程有限公司', creditCode: '91350206MA31XM5K8N' },
      owner: { name: '厦门某置业有限公司' },
      contractAmountFen: 120_000_000_00,
      startDate: '2026-03-01',
      payday: 15,
      status: 'IN_CONSTRUCTION',
      apiKeyHash: createHash('sha256').update(`key-${projectCode}`).digest('hex'),
    });
    await t.app
      .get(KafkaClient)
      .send(Topics.project, [{ key: projectCode, value: JSON.stringify(registered) }]);
    await waitFor(
      async () =>
        (await t.dataSource.query(`SELECT 1 FROM alerts.projects WHERE code = $1`, [projectCode])).length > 0,
      { description: 'the project learnt', timeoutMs: 45_000 },
    );
    const known = alertData({ projectCode, regionCode: '350206' });
    const unknown = alertData({ projectCode: `XM-U-${randomUUID().slice(0, 6)}`, regionCode: '350206' });
    await publishAlertEvent(t, 'AlertRaised', known);
    await publishAlertEvent(t, 'AlertRaised', unknown);
    const knownId = String((await waitForAlert(t, known.alertKey)).id);
    const unknownId = String((await waitForAlert(t, unknown.alertKey)).id);

    const shown = await t.http.get(`/api/v1/alerts/${knownId}`).set(bearer(inspector)).expect(200);
    expect(shown.body.employerCreditCode).toBe('91350206MA31XM5K8N');
    const listed = await t.http
      .get(`/api/v1/alerts?projectCode=${projectCode}`)
      .set(bearer(inspector))
      .expect(200);
    expect(listed.body.items.map((a: { employerCreditCode: string }) => a.employerCreditCode)).toEqual([
      '91350206MA31XM5K8N',
    ]);
    const other = await t.http.get(`/api/v1/alerts/${unknownId}`).set(bearer(inspector)).expect(200);
    expect(other.body.employerCreditCode).toBeNull();
  });
});
