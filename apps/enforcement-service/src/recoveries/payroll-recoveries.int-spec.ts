import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Topics } from '@wage/contracts';
import { KafkaClient, signAccessToken } from '@wage/platform';
import { startTestApp, testSecrets, waitFor, type TestApp } from '@wage/testing';
import {
  alertData,
  publishAlertEvent,
  startAlertApp,
  waitForAlert,
} from '../../../alert-service/src/testing/alert-fixtures';
import { AppModule } from '../app.module';
import { envSchema, serviceDefinition } from '../config/env';

const REGION = '350206';
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const envelope = (type: string, projectCode: string, data: Record<string, unknown>) => {
  const now = new Date().toISOString();
  return {
    key: projectCode,
    value: JSON.stringify({
      id: randomUUID(),
      type,
      schemaVersion: 1,
      occurredAt: now,
      recordedAt: now,
      projectCode,
      data,
    }),
  };
};

describe("enforcement-service: recoveries matched from the dedicated account's payroll (real PostgreSQL, Kafka)", () => {
  const secrets = testSecrets();
  let alerts: TestApp;
  let t: TestApp;
  const inspector = () =>
    signAccessToken({ sub: 'li.inspector', role: 'INSPECTOR', region: REGION }, secrets.JWT_SECRET, 3_600);
  const send = (topic: string, messages: { key: string; value: string }[]) =>
    t.app.get(KafkaClient).send(topic, messages);

  beforeAll(async () => {
    alerts = await startAlertApp({ ...secrets });
    const { port } = alerts.app.getHttpServer().address() as AddressInfo;
    t = await startTestApp(
      { envSchema, serviceDefinition, AppModule },
      { ...secrets, ALERT_SERVICE_URL: `http://127.0.0.1:${port}` },
    );
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await alerts?.close();
  });

  it("counts payroll to the case's worker after the case opened as recovered, once, and no one else's", async () => {
    const project = `XM-REC-${randomBytes(3).toString('hex')}`;
    const account = `AC${project}`;
    // The worker of the alert fixture ('a'×64) and their card; another worker of the project with another card.
    const card = randomBytes(32).toString('hex');
    const otherCard = randomBytes(32).toString('hex');
    await send(Topics.project, [
      envelope('ProjectRegistered', project, {
        code: project,
        name: '湖里区安置房项目',
        regionCode: REGION,
        contractor: { name: '厦门某建设工程有限公司', creditCode: '91350206MA31XM5K8N' },
        owner: { name: '湖里区住建局' },
        contractAmountFen: 100_000_000,
        startDate: '2026-03-01',
        payday: 15,
        status: 'IN_CONSTRUCTION',
        apiKeyHash: 'a'.repeat(64),
      }),
    ]);
    const enrol = (idHash: string, cardHash: string) =>
      envelope('WorkerEnrolled', project, {
        workerId: randomUUID(),
        idHash,
        idMasked: '350206********1234',
        name: '张三',
        bankCard: { bankCode: 'ICBC', cardHash, cardMasked: '6222***********0123' },
        entryDate: '2026-03-01',
      });
    await send(Topics.roster, [enrol('a'.repeat(64), card), enrol('b'.repeat(64), otherCard)]);
    await send(Topics.account, [
      envelope('WageAccountOpened', project, {
        accountNumber: account,
        projectCode: project,
        bankCode: 'ICBC',
        openedOn: '2026-03-01',
      }),
    ]);
    await waitFor(
      async () =>
        (await t.dataSource.query(`SELECT 1 FROM enforcement.projects WHERE code = $1`, [project])).length ===
          1 &&
        (
          await t.dataSource.query(`SELECT 1 FROM enforcement.worker_cards WHERE project_code = $1`, [
            project,
          ])
        ).length === 2 &&
        (
          await t.dataSource.query(`SELECT 1 FROM enforcement.wage_accounts WHERE project_code = $1`, [
            project,
          ])
        ).length === 1,
      { description: 'the project, its cards and its account known', timeoutMs: 45_000 },
    );

    // A case from the alert: ¥12,000 owed to the workers of its evidence.
    const data = alertData({ projectCode: project, regionCode: REGION });
    await publishAlertEvent(alerts, 'AlertRaised', data);
    const alert = await waitForAlert(alerts, data.alertKey);
    const opened = await t.http.post('/api/v1/cases').set(bearer(inspector())).send({ alertId: alert.id });
    expect(opened.status).toBe(201);
    const caseId: string = opened.body.id;

    const payroll = (serialNo: string, cardHash: string, amountFen: number, occurredAt: string) =>
      envelope('TransactionRecorded', project, {
        accountNumber: account,
        serialNo,
        occurredAt,
        direction: 'DEBIT',
        kind: 'PAYROLL',
        amountFen,
        payrollMonth: '2026-10',
        counterparty: { name: '张三', accountHash: cardHash, accountMasked: '6222***********0123' },
      });
    const now = new Date().toISOString();
    const message = payroll('PAY-1', card, 800_000, now);
    await send(Topics.account, [
      // Before the case opened: wages paid then are not this case's recovery.
      payroll('PAY-0', card, 100_000, '2026-03-20T10:00:00+08:00'),
      // Another worker, not named in the case.
      payroll('PAY-X', otherCard, 300_000, now),
      message,
      // The same payment again (a redelivery under a new event id): counted once.
      { ...message, value: JSON.stringify({ ...JSON.parse(message.value), id: randomUUID() }) },
      // More than the rest outstanding: only the ¥4,000 left counts.
      payroll('PAY-2', card, 500_000, now),
    ]);
    await waitFor(
      async () =>
        (await t.http.get(`/api/v1/cases/${caseId}`).set(bearer(inspector()))).body.wages?.outstanding ===
        '0.00',
      { description: 'the payroll matched to the case', timeoutMs: 45_000 },
    );
    const shown = await t.http.get(`/api/v1/cases/${caseId}`).set(bearer(inspector()));
    expect(shown.body.wages).toMatchObject({ owed: '12000.00', recovered: '12000.00', outstanding: '0.00' });
    expect(
      shown.body.recoveries.map((r: { amount: string; source: string }) => [r.amount, r.source]),
    ).toEqual([
      ['8000.00', 'PAYROLL'],
      ['4000.00', 'PAYROLL'],
    ]);
  });
});
