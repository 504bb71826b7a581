import { randomBytes, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { Topics, alertKey } from '@wage/contracts';
import { dateInShanghai, latestDueMonth, monthOf, paymentMetricsPendingUntil } from '@wage/domain';
import type { KafkaClient } from '@wage/platform';
import { alertLink } from '../apps/alert-service/src/notifications/messages';
import { unresolvedRefs } from '../apps/gateway/src/docs/merge-documents';
import { waitFor, type ServiceProcess } from '@wage/testing';
import {
  ALERTS_AT_ONCE,
  ARTIFACTS,
  QUIET_BROWSER,
  startConsoleStack,
  type ConsoleStack,
} from '@wage/testing/console-stack';

/**
 * The web console in a real headless Chromium against every service running as a real process, driven only
 * through the gateway, which serves the built console (`npm run build` first).
 */
const PASSWORD = 'a-long-enough-password';
const REGION = '350200';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

const SERVICES = [
  'roster-service',
  'wage-account-service',
  'rules-engine',
  'alert-service',
  'report-service',
  'enforcement-service',
] as const;

/** The public API of docs/architecture.md's table: the merged OpenAPI document must have each of these. */
const CONTRACT = [
  'POST /api/v1/projects',
  'PATCH /api/v1/projects/{code}',
  'GET /api/v1/projects/{code}',
  'PUT /api/v1/projects/{code}/workers',
  'POST /api/v1/projects/{code}/workers/import',
  'GET /api/v1/projects/{code}/workers',
  'POST /api/v1/projects/{code}/attendance',
  'POST /api/v1/projects/{code}/pay-sheets',
  'GET /api/v1/projects/{code}/pay-sheets/{month}/revisions',
  'POST /api/v1/projects/{code}/pay-sheets/{month}/revisions/{id}/accept',
  'POST /api/v1/projects/{code}/pay-sheets/{month}/revisions/{id}/reject',
  'POST /api/v1/banks',
  'POST /api/v1/wage-accounts',
  'GET /api/v1/wage-accounts/{accountNumber}',
  'POST /api/v1/wage-accounts/{accountNumber}/transactions',
  'POST /api/v1/deposits',
  'GET /api/v1/deposits',
  'POST /api/v1/deposits/{id}/movements',
  'POST /api/v1/evaluations',
  'GET /api/v1/rules',
  'PUT /api/v1/calendar/{year}',
  'GET /api/v1/calendar/{year}',
  'PUT /api/v1/rules/{regionCode}',
  'POST /api/v1/auth/login',
  'POST /api/v1/users',
  'GET /api/v1/users',
  'PATCH /api/v1/users/{username}',
  'GET /api/v1/alerts',
  'GET /api/v1/alerts/{id}',
  'GET /api/v1/alerts/{id}/assignees',
  'POST /api/v1/alerts/{id}/acknowledge',
  'POST /api/v1/alerts/{id}/resolve',
  'POST /api/v1/alerts/{id}/dismiss',
  'POST /api/v1/alerts/{id}/assign',
  'GET /api/v1/alerts/stream',
  'GET /api/v1/notifications',
  'GET /api/v1/coverage',
  'GET /api/v1/coverage/trend',
  'GET /api/v1/arrears',
];

interface MergedDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { 'x-callers'?: string[]; requestBody?: unknown }>>;
  'x-unavailable': string[];
}

/** The month the coverage API answers for by default: the latest whose wages are due. */
const MONTH = latestDueMonth(new Date());

interface MetricShare {
  count: number;
  of: number;
  pct: number | null;
  pendingUntil?: string;
}
interface CoverageAnswer {
  regionCode: string;
  regionName: string | null;
  month: string;
  projectsInConstruction: number;
  metrics: Record<string, MetricShare>;
  children: { regionCode: string }[];
}

describe('web console in headless Chromium', () => {
  let stack: ConsoleStack;
  let kafka: KafkaClient;
  let gateway: ServiceProcess;
  let adminKey: string;

  const api = async <T>(
    path: string,
    token: string,
    init: RequestInit = {},
  ): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${gateway.url}/api/v1${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers },
    });
    return { status: response.status, body: (await response.json()) as T };
  };

  const publish = async (topic: string, type: string, projectCode: string, data: object) => {
    const now = new Date().toISOString();
    const envelope = {
      id: randomUUID(),
      type,
      schemaVersion: 1,
      occurredAt: now,
      recordedAt: now,
      projectCode,
      data,
    };
    await kafka.send(topic, [{ key: projectCode, value: JSON.stringify(envelope) }]);
  };

  const raiseAlert = (
    projectCode: string,
    regionCode: string,
    severity: string,
    title: string,
    facts: Record<string, unknown> = {},
  ) =>
    publish(Topics.alert, 'AlertRaised', projectCode, {
      alertKey: alertKey('WAGE_ARREARS', projectCode, MONTH),
      code: 'WAGE_ARREARS',
      severity,
      projectCode,
      regionCode,
      month: MONTH,
      title,
      evidence: {
        workersAffected: 2,
        workers: [
          {
            idHash: 'a'.repeat(64),
            idMasked: '350206********1234',
            name: '张三',
            cardMasked: '6222********0123',
            amountDueFen: 650_000,
            amountPaidFen: 0,
          },
          { idHash: 'b'.repeat(64), idMasked: '350203********567X', name: '李四', amountDueFen: 580_050 },
        ],
        amounts: { netPayDueFen: 1_230_050, paidFen: 0, shortfallFen: 1_230_050 },
        transactions: [],
        parameters: { graceDays: 2 },
        facts: { deadline: `${MONTH}-15`, ...facts },
      },
      detectedAt: new Date().toISOString(),
    });

  /** A project's month as the rules engine assesses it; null where a metric does not apply. */
  const assess = (
    projectCode: string,
    regionCode: string,
    systems: boolean[],
    paid: boolean | null,
    month = MONTH,
  ) =>
    publish(Topics.assessment, 'MonthlyAssessmentCompleted', projectCode, {
      projectCode,
      regionCode,
      month,
      status: 'IN_CONSTRUCTION',
      inConstruction: true,
      coverage: {
        realName: systems[0],
        wageAccount: systems[1],
        deposit: systems[2],
        bankPayroll: paid,
        monthlyFullPayment: paid,
      },
      workersDue: paid === null ? 0 : 10,
      workersPaidInFull: paid ? 10 : 0,
      amountDueFen: paid === null ? 0 : 5_000_000,
      amountPaidFen: paid ? 5_000_000 : 0,
      evaluatedAt: new Date().toISOString(),
    });

  const newPage = (viewport = DESKTOP): Promise<Page> => stack.newPage({ viewport });
  const logIn = (page: Page, username: string) => stack.logIn(page, username, PASSWORD);

  beforeAll(async () => {
    stack = await startConsoleStack({
      services: SERVICES,
      topics: [Topics.alert, Topics.assessment],
      clientId: 'console-e2e',
      env: { WEBHOOK_SIGNING_SECRET: randomBytes(32).toString('base64'), ...ALERTS_AT_ONCE },
      browserArgs: QUIET_BROWSER,
    });
    ({ kafka, gateway } = stack);
    adminKey = stack.secrets.ADMIN_API_KEY;

    for (const [username, role] of [
      ['inspector-e2e', 'INSPECTOR'],
      ['leader-e2e', 'LEADER'],
    ]) {
      const created = await api('/users', adminKey, {
        method: 'POST',
        body: JSON.stringify({
          username,
          password: PASSWORD,
          role,
          regionCode: REGION,
          displayName: username,
        }),
      });
      expect(created.status).toBe(201);
    }
  }, 240_000);

  afterAll(() => stack?.stop());

  it('an inspector sees a new alert arrive live, acknowledges and resolves it', async () => {
    // An alert from before the inspector opens the console, and one outside the inspector's region.
    await raiseAlert('P-E2E-OLD', '350206', 'YELLOW', '项目 P-E2E-OLD 欠薪');
    await raiseAlert('P-E2E-ELSEWHERE', '350100', 'RED', '项目 P-E2E-ELSEWHERE 欠薪');
    await waitFor(async () => (await api<{ total: number }>('/alerts', adminKey)).body.total === 2, {
      description: 'both alerts in the alert service',
      timeoutMs: 45_000,
    });

    const page = await newPage();
    await logIn(page, 'inspector-e2e');
    await page.waitForSelector('li[data-project=P-E2E-OLD]');
    await page.waitForSelector('[data-live=open]');
    // From 1 November, while next year's official calendar is not entered (this database has none), a banner.
    if (dateInShanghai(new Date()).slice(5) >= '11-01') {
      await page.locator('[data-testid=calendar-banner]').waitFor();
      expect(await page.locator('[data-testid=calendar-banner]').textContent()).toContain(
        '法定节假日安排尚未录入',
      );
    }
    expect(await page.locator('li[data-project=P-E2E-ELSEWHERE]').count()).toBe(0);

    await raiseAlert('P-E2E-LIVE', '350203', 'RED', '项目 P-E2E-LIVE 欠薪');
    const live = page.locator('li[data-project=P-E2E-LIVE]');
    await live.waitFor({ timeout: 45_000 });
    // Most severe first: the new RED alert is above the older YELLOW one.
    expect(await page.locator('ul.alerts li').first().getAttribute('data-project')).toBe('P-E2E-LIVE');
    await page.screenshot({ path: resolve(ARTIFACTS, 'workbench-live.png'), fullPage: true });

    await live.locator('a').click();
    const detail = page.locator('article.detail');
    await detail.locator('text=¥6,500.00').first().waitFor();
    await detail.locator('text=350206********1234').waitFor();
    await detail.locator('button', { hasText: '签收' }).click();
    await page.waitForSelector('article.detail[data-status=ACKNOWLEDGED]');

    await detail.locator('textarea[name=note]').fill('已约谈总包单位，工资已补发');
    await detail.locator('button', { hasText: '办结' }).click();
    await page.waitForSelector('article.detail[data-status=RESOLVED]');
    // The workbench opens on 待处理: a resolved alert leaves the list, and 全部 shows it resolved.
    await page.locator('li[data-project=P-E2E-LIVE]').waitFor({ state: 'detached' });
    await page.selectOption('select[name=status]', 'all');
    await page.click('form.filters button[type=submit]');
    await page.waitForSelector('li[data-project=P-E2E-LIVE][data-status=RESOLVED]');
    await page.screenshot({ path: resolve(ARTIFACTS, 'workbench-resolved.png'), fullPage: true });

    const id = await detail.getAttribute('data-alert-id');
    const stored = await api<{ status: string; history: { action: string; note: string | null }[] }>(
      `/alerts/${id}`,
      adminKey,
    );
    expect(stored.body.status).toBe('RESOLVED');
    expect(stored.body.history.map((h) => h.action)).toEqual(
      expect.arrayContaining(['RAISED', 'ACKNOWLEDGED', 'RESOLVED']),
    );
    expect(stored.body.history.find((h) => h.action === 'RESOLVED')?.note).toBe('已约谈总包单位，工资已补发');

    // The same alert on a phone, and in English.
    await page.setViewportSize(PHONE);
    await page.click('[data-testid=lang-switch]');
    await page.locator('header.top a', { hasText: 'Alert workbench' }).waitFor();
    await page.screenshot({ path: resolve(ARTIFACTS, 'workbench-phone-en.png'), fullPage: true });
    await page.close();
  });

  // Issue 16: a project lowered its sheet to net 0.00 after the deadline. The arrears stands on the sheet in
  // force, and the inspector sees on the alert what the project asked to change.
  it('an inspector sees on the alert the pay-sheet revision awaiting review', async () => {
    await raiseAlert('P-E2E-REV', '350206', 'ORANGE', '项目 P-E2E-REV 欠薪', {
      pendingRevision: {
        revisionId: '9d3c1b2a-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
        submittedAt: new Date().toISOString(),
        deadline: `${MONTH}-17`,
        status: 'PENDING',
        totals: { lines: 2, grossPayFen: 1_300_000, netPayFen: 0 },
        originalTotals: { lines: 2, grossPayFen: 1_300_000, netPayFen: 1_230_050 },
        linesLowered: 2,
        workersDropped: 1,
        lowered: [
          { idMasked: '350206********1234', name: '张三', originalNetPayFen: 650_000, revisedNetPayFen: 0 },
          {
            idMasked: '350203********567X',
            name: '李四',
            originalNetPayFen: 580_050,
            revisedNetPayFen: null,
          },
        ],
      },
    });
    const listed = await waitFor(
      async () =>
        (await api<{ items: { id: string }[] }>('/alerts?projectCode=P-E2E-REV', adminKey)).body.items[0],
      { description: 'the alert in the alert service', timeoutMs: 45_000 },
    );
    // Opened from the alert's link, as an inspector does from the notification.
    const page = await newPage();
    await page.goto(alertLink(gateway.url, listed.id));
    await page.fill('input[name=username]', 'inspector-e2e');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector(`article.detail[data-alert-id="${listed.id}"]`);
    const revision = page.locator('article.detail [role=note]', { hasText: '待审核的工资表更正' });
    await revision.waitFor();
    await page.screenshot({ path: resolve(ARTIFACTS, 'workbench-revision.png'), fullPage: true });
    const text = (await revision.textContent()) ?? '';
    expect(text).toContain('审核通过前，本预警仍按原工资表判断');
    expect(text).toContain('¥12,300.50');
    expect(text).toContain('350203********567X');
    expect(text).toContain('删去');
    await page.close();
  });

  it('a link from an e-mail opens the alert, before and after login, on a phone', async () => {
    await raiseAlert('P-E2E-LINK', '350206', 'ORANGE', '项目 P-E2E-LINK 欠薪');
    const listed = await waitFor(
      async () => {
        const page = await api<{ items: { id: string; projectCode: string }[] }>(
          '/alerts?projectCode=P-E2E-LINK',
          adminKey,
        );
        return page.body.items[0];
      },
      { description: 'the alert in the alert service', timeoutMs: 45_000 },
    );
    // The link exactly as the e-mail, WeCom and DingTalk messages carry it.
    const link = alertLink(gateway.url, listed.id);
    const page = await newPage(PHONE);
    await page.goto(link);
    await page.fill('input[name=username]', 'inspector-e2e');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector(`article.detail[data-alert-id="${listed.id}"]`);
    // Signed in, the same link opens the alert at once.
    await page.goto(link);
    await page.waitForSelector(`article.detail[data-alert-id="${listed.id}"]`);
    expect(new URL(page.url()).hash).toBe(`#/alerts/${listed.id}`);
    await page.close();
  });

  it("a leader's dashboard shows the percentages of GET /api/v1/coverage and drills down", async () => {
    // 350203: 3 projects, 350206: 4, and one in 350100 that a 350200 leader must not see counted.
    await assess('P-C-1', '350203', [true, true, true], true);
    await assess('P-C-2', '350203', [true, true, false], false);
    await assess('P-C-3', '350203', [true, false, true], null);
    await assess('P-C-4', '350206', [true, true, true], true);
    await assess('P-C-5', '350206', [true, true, true], true);
    await assess('P-C-6', '350206', [false, true, true], true);
    await assess('P-C-7', '350206', [true, true, true], false);
    await assess('P-C-8', '350100', [false, false, false], false);

    const leaderToken = (
      await api<{ accessToken: string }>('/auth/login', '', {
        method: 'POST',
        body: JSON.stringify({ username: 'leader-e2e', password: PASSWORD }),
      })
    ).body.accessToken;
    const coverage = await waitFor(
      async () => {
        const answer = await api<CoverageAnswer>('/coverage', leaderToken);
        return answer.body.projectsInConstruction === 7 && answer.body;
      },
      { description: 'the coverage read model to count 7 projects', timeoutMs: 45_000 },
    );
    expect(coverage.month).toBe(MONTH);
    expect(coverage.metrics.realName).toEqual({ count: 6, of: 7, pct: 85.7 });

    const page = await newPage();
    await logIn(page, 'leader-e2e');
    await page.waitForSelector('.tile[data-metric=allSystems]');
    for (const [metric, share] of Object.entries(coverage.metrics)) {
      const expected = share.pct === null ? '—' : `${share.pct.toFixed(1)}%`;
      const shown = await page.locator(`.tile[data-metric=${metric}] .tile-pct`).textContent();
      expect({ metric, shown }).toEqual({ metric, shown: expected });
    }
    expect(await page.locator('table.children tbody tr').count()).toBe(coverage.children.length);
    // Regions by their GB/T 2260 names, not codes alone.
    expect(coverage.regionName).toBe('厦门市');
    expect(await page.locator('table.children tr[data-region="350206"] a').textContent()).toContain('湖里区');
    expect(await page.locator('.crumbs a.active').textContent()).toContain('厦门市');
    await page.locator('canvas').first().waitFor();
    await page.screenshot({ path: resolve(ARTIFACTS, 'dashboard.png'), fullPage: true });

    // Drill down into a district: its own figures, and no child regions below it.
    await page.click('table.children tr[data-region="350206"] a');
    await page.waitForSelector('.crumbs a.active:has-text("350206")');
    const district = await api<CoverageAnswer>('/coverage?regionCode=350206', leaderToken);
    const districtPct = `${district.body.metrics.realName.pct!.toFixed(1)}%`;
    await page.locator(`.tile[data-metric=realName] .tile-pct:text-is("${districtPct}")`).waitFor();
    expect(await page.locator('table.children').count()).toBe(0);

    await page.setViewportSize(PHONE);
    await page.goto(`${gateway.url}/#/dashboard`);
    await page.waitForSelector('.tile[data-metric=allSystems]');
    await page.screenshot({ path: resolve(ARTIFACTS, 'dashboard-phone.png'), fullPage: true });
    await page.close();
  });

  it('a leader sees the payment metrics of a month not yet due as 未到期 with the date, never 0 %', async () => {
    // The month being worked: its wages fall due next month. Nothing paid yet, which is no failure yet.
    const working = monthOf(new Date());
    await assess('P-P-1', '350206', [true, true, true], false, working);
    await assess('P-P-2', '350206', [false, true, true], false, working);
    const leaderToken = (
      await api<{ accessToken: string }>('/auth/login', '', {
        method: 'POST',
        body: JSON.stringify({ username: 'leader-e2e', password: PASSWORD }),
      })
    ).body.accessToken;
    const coverage = await waitFor(
      async () => {
        const answer = await api<CoverageAnswer>(`/coverage?month=${working}`, leaderToken);
        return answer.body.projectsInConstruction === 2 && answer.body;
      },
      { description: "the coverage read model to count this month's 2 projects", timeoutMs: 45_000 },
    );
    const pendingUntil = paymentMetricsPendingUntil(working);
    expect(coverage.metrics.bankPayroll).toEqual({ count: 0, of: 2, pct: null, pendingUntil });
    expect(coverage.metrics.realName).toEqual({ count: 1, of: 2, pct: 50 });

    for (const viewport of [DESKTOP, PHONE]) {
      const page = await newPage(viewport);
      await logIn(page, 'leader-e2e');
      // The dashboard opens on the latest month due, and offers no month that has not begun.
      await page.waitForSelector('.tile[data-metric=allSystems]');
      expect(await page.inputValue('input[type=month]')).toBe(MONTH);
      expect(await page.getAttribute('input[type=month]', 'max')).toBe(working);
      await page.goto(`${gateway.url}/#/dashboard?month=${working}`);
      await page.locator('.tile[data-metric=realName] .tile-pct:text-is("50.0%")').waitFor();
      for (const metric of ['bankPayroll', 'monthlyFullPayment', 'allSystems']) {
        const tile = page.locator(`.tile[data-metric=${metric}]`);
        expect(await tile.locator('.tile-pct').textContent()).toBe('未到期');
        expect(await tile.textContent()).toContain(`工资支付期限 ${pendingUntil}`);
      }
      expect(await page.locator('[data-testid=pending-note]').textContent()).toContain(pendingUntil);
      const name = viewport === PHONE ? 'dashboard-pending-phone.png' : 'dashboard-pending.png';
      await page.screenshot({ path: resolve(ARTIFACTS, name), fullPage: true });
      await page.close();
    }
  });

  it('serves one OpenAPI document of the whole API, with every endpoint of the contract', async () => {
    const response = await fetch(`${gateway.url}/api/docs/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as MergedDocument;
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(document.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(document['x-unavailable']).toEqual([]);
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        operation,
      })),
    );
    expect(operations.map((o) => o.key)).toEqual(expect.arrayContaining(CONTRACT));
    for (const { key, operation } of operations) {
      expect({ key, callers: (operation['x-callers'] ?? []).length > 0 }).toEqual({ key, callers: true });
    }
    expect(unresolvedRefs(document)).toEqual([]);
  });

  it('shows the API in Swagger UI at /api/docs, from the local package and without inline scripts', async () => {
    const page = await newPage(DESKTOP);
    const refused: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') refused.push(message.text());
    });
    const answer = await page.goto(`${gateway.url}/api/docs`);
    expect(answer?.status()).toBe(200);
    expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'");
    // Swagger UI breaks long paths with zero-width spaces; the visible text without them is the path.
    const workers = page
      .locator('.opblock-summary-path[data-path="/api/v1/projects/{code}/workers"]')
      .first();
    await workers.waitFor({ timeout: 30_000 });
    expect((await workers.innerText()).replace(/\u200b/g, '')).toBe('/api/v1/projects/{code}/workers');
    await page.getByRole('heading', { name: 'roster-service' }).first().waitFor();
    await page.screenshot({ path: resolve(ARTIFACTS, 'api-docs.png'), fullPage: false });
    expect(refused).toEqual([]);
    await page.close();
  });

  it('serves the console for a page address the browser opens directly', async () => {
    const response = await fetch(`${gateway.url}/dashboard/350206`, { headers: { Accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
    const api404 = await fetch(`${gateway.url}/api/v1/nothing-here`, { headers: { Accept: 'text/html' } });
    expect(api404.status).toBe(404);
  });
});
