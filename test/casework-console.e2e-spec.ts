import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import pino from 'pino';
import { chromium, type Browser } from 'playwright-core';
import { alertKey, Topics } from '@wage/contracts';
import { KafkaClient, signAccessToken } from '@wage/platform';
import {
  createTestDatabase,
  startServiceProcess,
  testInfra,
  testSecrets,
  testTopicPrefix,
  waitFor,
  type ServiceProcess,
  type TestDatabase,
} from '@wage/testing';

/**
 * Casework in the built console on a phone (360 px), in a headless Chromium, against alert-service,
 * enforcement-service and the gateway running as real processes (`npm run build` first): 立案 on an alert, an
 * action recorded from the case page's form, and the intake queue with its acceptance clock.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CONSOLE_DIR = resolve(__dirname, '../dist/apps/web-console');
const REGION = '350206';
const NOWHERE = 'http://127.0.0.1:9';

describe('casework in the console (headless Chromium, phone-sized)', () => {
  let database: TestDatabase;
  let kafka: KafkaClient;
  let browser: Browser;
  const running: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let inspector: string;
  const project = `XM-E2E-CW-${randomBytes(2).toString('hex')}`;

  const api = async (path: string, body?: unknown) => {
    const response = await fetch(`${gateway.url}/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: `Bearer ${inspector}`, 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const envelope = (type: string, data: unknown) => {
    const now = new Date().toISOString();
    return {
      key: project,
      value: JSON.stringify({
        id: randomUUID(),
        type,
        schemaVersion: 1,
        occurredAt: now,
        recordedAt: now,
        projectCode: project,
        data,
      }),
    };
  };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`Chromium is not installed at ${CHROMIUM} (or set CHROMIUM_PATH)`);
    if (!existsSync(resolve(CONSOLE_DIR, 'index.html')))
      throw new Error(`${CONSOLE_DIR}/index.html does not exist: run \`npm run build\` first`);
    database = await createTestDatabase();
    const infra = testInfra();
    const secrets = testSecrets();
    const topicPrefix = testTopicPrefix();
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: infra.redisUrl,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      BULLMQ_PREFIX: `test-${randomBytes(4).toString('hex')}`,
      ...secrets,
    };
    inspector = signAccessToken(
      { sub: 'inspector-cw', role: 'INSPECTOR', region: REGION },
      secrets.JWT_SECRET,
      3_600,
    );
    kafka = new KafkaClient({
      brokers: infra.kafkaBrokers,
      clientId: 'casework-console-e2e',
      topicPrefix,
      logger: pino({ level: 'silent' }),
    });
    await kafka.ensureTopics([
      Topics.alert,
      Topics.project,
      Topics.enforcement,
      Topics.roster,
      Topics.account,
    ]);
    const alerts = await startServiceProcess('alert-service', {
      ...env,
      WEBHOOK_SIGNING_SECRET: randomBytes(32).toString('base64'),
      JOB_SCHEDULES_ENABLED: 'false',
    });
    running.push(alerts);
    const enforcement = await startServiceProcess('enforcement-service', {
      ...env,
      ALERT_SERVICE_URL: alerts.url,
    });
    running.push(enforcement);
    gateway = await startServiceProcess('gateway', {
      ...env,
      ROSTER_SERVICE_URL: NOWHERE,
      WAGE_ACCOUNT_SERVICE_URL: NOWHERE,
      RULES_ENGINE_URL: NOWHERE,
      ALERT_SERVICE_URL: alerts.url,
      REPORT_SERVICE_URL: NOWHERE,
      ENFORCEMENT_SERVICE_URL: enforcement.url,
      CONSOLE_DIR,
    });
    running.push(gateway);

    await kafka.send(Topics.project, [
      envelope('ProjectRegistered', {
        code: project,
        name: '湖里区某安置房项目',
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
    // An arrears alert as the rules engine publishes it.
    await kafka.send(Topics.alert, [
      envelope('AlertRaised', {
        alertKey: alertKey('WAGE_ARREARS', project, '2026-10'),
        code: 'WAGE_ARREARS',
        severity: 'RED',
        projectCode: project,
        regionCode: REGION,
        month: '2026-10',
        title: `项目 ${project} 2026年10月 3名工人欠薪`,
        evidence: {
          workersAffected: 3,
          workers: [{ idHash: 'a'.repeat(64), idMasked: '350206********1234' }],
          amounts: { netPayDueFen: 1_800_000 },
          transactions: [],
          parameters: { graceDays: 2 },
          facts: { deadline: '2026-11-16' },
        },
        detectedAt: new Date().toISOString(),
      }),
    ]);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all(running.map((service) => service.stop()));
    await kafka?.close();
    await database?.drop();
  });

  const phone = async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 360, height: 740 } });
    // The console keeps its session in sessionStorage; the test signs its own token instead of logging in.
    await page.addInitScript(`sessionStorage.setItem('wage-console.token', ${JSON.stringify(inspector)})`);
    return page;
  };

  it('opens a case from an alert (立案) and records a summons from the case page', async () => {
    const alert = await waitFor(
      async () => {
        const list = await api(`/alerts?projectCode=${project}`);
        return (list.body.items as { id: string }[] | undefined)?.[0];
      },
      { description: 'the alert in alert-service', timeoutMs: 60_000 },
    );
    await waitFor(
      async () => {
        const found = await api(`/enforcement/statistics?regionCode=${REGION}`);
        return found.status === 200;
      },
      { description: 'enforcement-service answering', timeoutMs: 30_000 },
    );
    const page = await phone();
    await page.goto(`${gateway.url}/#/alerts/${alert.id}`);
    await page.getByTestId('open-case').click({ timeout: 30_000 });
    const casePage = page.getByTestId('case');
    await casePage.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('wages-owed').innerText()).toBe('18000.00');
    expect(await page.getByTestId('case-clock').innerText()).toContain('剩余工作日');
    // The employer's compliance record is one tap away from its case.
    expect(await page.getByTestId('employer-link').getAttribute('href')).toBe(
      '#/employers/91350206MA31XM5K8N',
    );

    const form = page.getByTestId('action-form');
    await form.getByLabel('措施').selectOption('SUMMONS');
    await form.getByLabel('内容').fill('约谈项目负责人，承诺一周内支付');
    await form.getByLabel('文书编号').fill('厦湖人社约〔2026〕3号');
    await form.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('timeline').filter({ hasText: '约谈项目负责人' }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('timeline').innerText()).toContain('约谈');
    // No page wider than the phone.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    // The alert shows its case once alert-service has read CaseOpened.
    const caseId = await casePage.getAttribute('data-case-id');
    await waitFor(
      async () =>
        ((await api(`/alerts/${alert.id}`)).body.enforcementCase as { id?: string } | null)?.id === caseId,
      { description: 'the alert linked to its case', timeoutMs: 45_000 },
    );
    await page.goto(`${gateway.url}/#/alerts/${alert.id}`);
    await page.getByTestId('alert-case-link').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('alert-case-link').getAttribute('href')).toBe(`#/cases/${caseId}`);
    await page.close();
  }, 120_000);

  it('shows the intake queue with its acceptance clock and accepts a clue into a case', async () => {
    const submitted = await api('/complaints', {
      kind: 'CLUE',
      complainant: { name: '李四', idNumber: '350206199001011239', phone: '13800001234' },
      employer: { name: '厦门某劳务有限公司' },
      projectCode: project,
      regionCode: REGION,
      periodFrom: '2026-09',
      periodTo: '2026-10',
      amountOwed: '9000.00',
      workersAffected: 2,
      description: '9月、10月工资未发',
    });
    expect(submitted.status).toBe(201);
    const page = await phone();
    await page.goto(`${gateway.url}/#/intake`);
    const card = page.locator(`[data-complaint-id="${String(submitted.body.id)}"]`);
    await card.waitFor({ timeout: 30_000 });
    expect(await card.getByTestId('accept-by').innerText()).toContain(String(submitted.body.acceptBy));
    expect(await card.innerText()).toContain('剩余工作日');
    await card.getByRole('button', { name: '受理立案' }).click();
    await page.getByTestId('case').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('wages-owed').innerText()).toBe('9000.00');
    await page.close();
  }, 120_000);
});
