import { randomBytes, randomUUID } from 'node:crypto';
import { alertKey, Topics } from '@wage/contracts';
import { signAccessToken } from '@wage/platform';
import { waitFor } from '@wage/testing';
import { startConsoleStack, type ConsoleStack } from '@wage/testing/console-stack';

/**
 * Casework in the built console on a phone (360 px), in a headless Chromium, against alert-service,
 * enforcement-service and the gateway running as real processes (`npm run build` first): 立案 on an alert, an
 * action recorded from the case page's form, and the intake queue with its acceptance clock.
 */
const REGION = '350206';

describe('casework in the console (headless Chromium, phone-sized)', () => {
  let stack: ConsoleStack;
  let inspector: string;
  const project = `XM-E2E-CW-${randomBytes(2).toString('hex')}`;

  const api = async (path: string, body?: unknown) => {
    const response = await fetch(`${stack.gateway.url}/api/v1${path}`, {
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
    stack = await startConsoleStack({
      services: ['alert-service', 'enforcement-service'],
      topics: [Topics.alert, Topics.project, Topics.enforcement, Topics.roster, Topics.account],
      clientId: 'casework-console-e2e',
      serviceEnv: (name, started) =>
        name === 'alert-service'
          ? { WEBHOOK_SIGNING_SECRET: randomBytes(32).toString('base64'), JOB_SCHEDULES_ENABLED: 'false' }
          : { ALERT_SERVICE_URL: started['alert-service']! },
    });
    inspector = signAccessToken(
      { sub: 'inspector-cw', role: 'INSPECTOR', region: REGION },
      stack.secrets.JWT_SECRET,
      3_600,
    );

    await stack.kafka.send(Topics.project, [
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
    await stack.kafka.send(Topics.alert, [
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
  }, 240_000);

  afterAll(() => stack?.stop());

  // The test signs its own token instead of logging in.
  const phone = () => stack.newPage({ viewport: { width: 360, height: 740 }, token: inspector });

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
    await page.goto(`${stack.gateway.url}/#/alerts/${alert.id}`);
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
    await page.goto(`${stack.gateway.url}/#/alerts/${alert.id}`);
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
    await page.goto(`${stack.gateway.url}/#/intake`);
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
