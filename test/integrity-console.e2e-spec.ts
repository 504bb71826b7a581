import { randomBytes, randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { AlertRaised, alertKey, Topics } from '@wage/contracts';
import { creditCodeCheckChar, dateInShanghai, addCalendarDays } from '@wage/domain';
import type { KafkaClient } from '@wage/platform';
import { eventEnvelope, waitFor, staffToken, type ServiceProcess } from '@wage/testing';
import { NOWHERE, startConsoleStack, type ConsoleStack } from '@wage/testing/console-stack';

/**
 * The public blacklist page (no login) and the employer's record page of the built console, in a headless
 * Chromium, against enforcement-service and the gateway running as real processes (`npm run build` first).
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

  const api = async (path: string, body?: unknown) => {
    const response = await fetch(`${gateway.url}/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: `Bearer ${inspector}`, 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    stack = await startConsoleStack({
      services: ['enforcement-service'],
      clientId: 'integrity-console-e2e',
      serviceEnv: () => ({ ALERT_SERVICE_URL: NOWHERE }),
    });
    ({ kafka, browser, gateway } = stack);
    inspector = staffToken(stack.secrets.JWT_SECRET, { sub: 'inspector-e2e', region: REGION }, 3_600);

    // A project of the employer, a case of ¥24,000 owed, an order to pay by yesterday: it may be listed.
    const now = new Date().toISOString();
    await kafka.send(Topics.project, [
      {
        key: 'XM-E2E-BL',
        value: JSON.stringify({
          id: randomUUID(),
          type: 'ProjectRegistered',
          schemaVersion: 1,
          occurredAt: now,
          recordedAt: now,
          projectCode: 'XM-E2E-BL',
          data: {
            code: 'XM-E2E-BL',
            name: '湖里区某安置房项目',
            regionCode: REGION,
            contractor: { name: '厦门某失信建设有限公司', creditCode: employer },
            owner: { name: '湖里区住建局' },
            contractAmountFen: 1_000_000_000,
            startDate: '2026-03-01',
            payday: 15,
            status: 'IN_CONSTRUCTION',
            apiKeyHash: 'a'.repeat(64),
          },
        }),
      },
    ]);
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
});
