import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { AlertRaised, alertKey, Topics } from '@wage/contracts';
import { creditCodeCheckChar, dateInShanghai, addCalendarDays } from '@wage/domain';
import type { KafkaClient } from '@wage/platform';
import { eventEnvelope, waitFor, staffToken, type ServiceProcess } from '@wage/testing';
import { NOWHERE, startConsoleStack, type ConsoleStack } from '@wage/testing/console-stack';

/**
 * The public blacklist page (no login) and the employer's record page of the built console, in a headless
 * Chromium, against roster-service, enforcement-service and the gateway running as real processes (`npm run build` first).
 */
const REGION = '350206';
const LEGAL_REP_ID = '350206199001011239';

describe('integrity grades and the public blacklist in the console (headless Chromium)', () => {
  let stack: ConsoleStack;
  let kafka: KafkaClient;
  let browser: Browser;
  let gateway: ServiceProcess;
  let inspector: string;
  const first17 = `91350206MA31E2${randomBytes(2).toString('hex').toUpperCase().slice(0, 3)}`;
  const employer = first17 + creditCodeCheckChar(first17);

  let adminKey: string;

  const api = async (path: string, body?: unknown, token = inspector) => {
    const response = await fetch(`${gateway.url}/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    stack = await startConsoleStack({
      // roster-service registers the project (and answers the project page and its rights board).
      services: ['roster-service', 'enforcement-service'],
      clientId: 'integrity-console-e2e',
      serviceEnv: (name) => (name === 'enforcement-service' ? { ALERT_SERVICE_URL: NOWHERE } : {}),
    });
    ({ kafka, browser, gateway } = stack);
    inspector = staffToken(stack.secrets.JWT_SECRET, { sub: 'inspector-e2e', region: REGION }, 3_600);
    adminKey = stack.secrets.ADMIN_API_KEY;

    // A project of the employer, a case of ¥24,000 owed, an order to pay by yesterday: it may be listed.
    const now = new Date().toISOString();
    const registered = await api(
      '/projects',
      {
        code: 'XM-E2E-BL',
        name: '湖里区某安置房项目',
        regionCode: REGION,
        contractor: { name: '厦门某失信建设有限公司', creditCode: employer },
        owner: { name: '湖里区住建局' },
        contractAmount: '10000000.00',
        startDate: '2026-03-01',
        plannedEndDate: '2027-12-31',
        payday: 15,
      },
      adminKey,
    );
    expect(registered.status).toBe(201);
    // An unpaid-wages alert about the project, as the rules engine publishes it: it stands on the employer's record.
    const arrears = eventEnvelope(AlertRaised, 'XM-E2E-BL', {
      alertKey: alertKey('WAGE_ARREARS', 'XM-E2E-BL', '2026-10'),
      code: 'WAGE_ARREARS',
      severity: 'RED',
      projectCode: 'XM-E2E-BL',
      regionCode: REGION,
      month: '2026-10',
      title: '2026年10月 欠薪：3名工人未收到工资',
      evidence: { workersAffected: 3, workers: [], amounts: {}, transactions: [], parameters: {}, facts: {} },
      detectedAt: now,
    });
    await kafka.send(Topics.alert, [{ key: 'XM-E2E-BL', value: JSON.stringify(arrears) }]);
    const today = dateInShanghai(new Date());
    const complaint = await waitFor(
      async () => {
        const submitted = await api('/complaints', {
          kind: 'CLUE',
          complainant: { name: '张三', idNumber: LEGAL_REP_ID, phone: '13800001234' },
          employer: { name: '厦门某失信建设有限公司', creditCode: employer },
          projectCode: 'XM-E2E-BL',
          regionCode: REGION,
          periodFrom: today.slice(0, 7),
          periodTo: today.slice(0, 7),
          amountOwed: '24000.00',
          workersAffected: 3,
          description: '工资未发放',
        });
        return submitted.status === 201 ? submitted : undefined;
      },
      { description: 'a complaint accepted by enforcement-service', timeoutMs: 60_000 },
    );
    const accepted = await api(`/complaints/${String(complaint.body.id)}/accept`, {});
    const caseId = String(accepted.body.caseId);
    const order = await api(`/cases/${caseId}/actions`, {
      kind: 'RECTIFICATION_ORDER',
      at: new Date(Date.now() - 86_400_000 * 3).toISOString(),
      note: '责令限期支付',
      deadline: addCalendarDays(today, -1),
      amount: '24000.00',
    });
    expect(order.status).toBe(201);
    const notice = await api('/blacklist', {
      creditCode: employer,
      caseId,
      persons: [{ name: '王某某', idNumber: LEGAL_REP_ID, role: 'LEGAL_REPRESENTATIVE' }],
    });
    expect(notice.status).toBe(201);
    const id = String(notice.body.id);
    expect((await api(`/blacklist/${id}/statement`, { text: '无异议' })).status).toBe(201);
    expect((await api(`/blacklist/${id}/decision`, { listed: true })).body.status).toBe('LISTED');
  }, 240_000);

  afterAll(() => stack?.stop());

  it('shows the public list without a login: the employer, its credit code, the persons masked', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(`${gateway.url}/#/public-blacklist`);
    const row = page.getByTestId('listing').filter({ hasText: employer });
    await row.waitFor({ timeout: 30_000 });
    const text = await row.innerText();
    expect(text).toContain('厦门某失信建设有限公司');
    expect(text).toContain('王**（法定代表人）');
    expect(await page.content()).not.toContain(LEGAL_REP_ID);
    expect(await page.content()).not.toContain('王某某');
    const unauthenticated = await fetch(`${gateway.url}/api/v1/blacklist/export`);
    expect(unauthenticated.status).toBe(200);
    expect(unauthenticated.headers.get('content-type')).toContain('spreadsheetml');
    await page.close();
  }, 60_000);

  it("shows an inspector the employer's record with its blacklist state", async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    // The console keeps its session in sessionStorage; the test signs its own token instead of logging in.
    await page.addInitScript(`sessionStorage.setItem('wage-console.token', ${JSON.stringify(inspector)})`);
    await page.goto(`${gateway.url}/#/employers/${employer}`);
    await page.getByTestId('employer-page').waitFor({ timeout: 30_000 });
    await page.getByTestId('listed').filter({ hasText: '已列入' }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('employer-page').innerText()).toContain('厦门某失信建设有限公司');
    // The alerts that stood against its projects, with the severity and the project.
    const standing = page.getByTestId('employer-alert').filter({ hasText: 'XM-E2E-BL' });
    await standing.waitFor({ timeout: 30_000 });
    expect(await standing.innerText()).toMatch(/红色[\s\S]*欠薪[\s\S]*2026-10[\s\S]*未办结/);
    expect(await page.getByTestId('alerts-summary').innerText()).toMatch(/成立的预警\s*1/);
    await page.close();
  }, 60_000);
  it("shows the project's page on a phone, with its contractor's grade, and follows the link to the employer", async () => {
    // Last year's grading: the employer had no finding then, so it is A (exempt from routine patrols).
    const graded = await api(
      '/gradings',
      { year: Number(dateInShanghai(new Date()).slice(0, 4)) - 1 },
      adminKey,
    );
    expect(graded.status).toBeLessThan(300);
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    await page.addInitScript(`sessionStorage.setItem('wage-console.token', ${JSON.stringify(inspector)})`);
    // From the employer's record, its project list links to the project page.
    await page.goto(`${gateway.url}/#/employers/${employer}`);
    await page
      .getByTestId('employer-project')
      .getByTestId('project-link')
      .filter({ hasText: 'XM-E2E-BL' })
      .click();
    const project = page.getByTestId('project-page');
    await project.getByText('湖里区某安置房项目').waitFor({ timeout: 30_000 });
    const text = await project.innerText();
    expect(text).toContain('在建');
    expect(text).toContain('湖里区住建局');
    expect(text).toContain('2027-12-31');
    expect(await page.getByTestId('contract-amount').innerText()).toBe('¥10,000,000.00');
    await page.getByTestId('supervision').filter({ hasText: '免于日常巡查' }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('contractor-grade').innerText()).toMatch(/A级/);
    expect(await page.getByTestId('blacklisted').innerText()).toBe('已列入失信名单');
    // Nothing is wider than the phone's screen.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    // The rights-information board downloads as a PDF, fetched with the token.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('rights-board').click(),
    ]);
    expect(download.suggestedFilename()).toBe('维权信息告示牌-XM-E2E-BL-A4.pdf');
    // The contractor links to the employer's record.
    await page.getByTestId('project-contractor').getByTestId('employer-link').click();
    await page
      .getByTestId('employer-page')
      .getByText('厦门某失信建设有限公司')
      .first()
      .waitFor({ timeout: 30_000 });
    expect(page.url()).toContain(`#/employers/${employer}`);
    await page.close();
  }, 90_000);
});
