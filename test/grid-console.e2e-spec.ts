import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { AlertRaised, alertKey, ProjectRegistered, Topics } from '@wage/contracts';
import { eventEnvelope, waitFor } from '@wage/testing';
import { ARTIFACTS, startConsoleStack, type ConsoleStack } from '@wage/testing/console-stack';

/**
 * Grids in the built console on a phone (375 px), in a headless Chromium, against alert-service,
 * enforcement-service and the gateway running as real processes (`npm run build` first): a grid assistant signs in
 * to their patrol page, sees the month's plan and the RED alert to verify, records a visit with a photo that
 * verifies it (属实); the alert's history then shows the verification, and an inspector's 网格 page shows the
 * visit with its photo, fetched with the token.
 */
const REGION = '350206';
const GRID = '350206001';
const PASSWORD = 'a-long-enough-password';
const PHONE = { width: 375, height: 740 };
/** A 1 × 1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('grids in the console (headless Chromium, phone-sized)', () => {
  let stack: ConsoleStack;
  let adminKey: string;
  const suffix = randomBytes(2).toString('hex').toUpperCase();
  const project = `XM-E2E-GRID-${suffix}`;
  const assistant = `zhou.grid.${suffix.toLowerCase()}`;
  const inspector = `li.district.${suffix.toLowerCase()}`;
  const key = alertKey('WAGE_ARREARS', project, '2026-10');
  const findings = `湖里街道巡查：工地停工，现场询问班组长，确认10月工资未发（${suffix}）`;

  const api = async <T = Record<string, unknown>>(path: string, token: string, body?: unknown) => {
    const response = await fetch(`${stack.gateway.url}/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  const tokenOf = async (username: string) =>
    (await api<{ accessToken: string }>('/auth/login', '', { username, password: PASSWORD })).body
      .accessToken;

  beforeAll(async () => {
    stack = await startConsoleStack({
      services: ['alert-service', 'enforcement-service'],
      topics: [Topics.alert, Topics.project, Topics.enforcement, Topics.roster, Topics.account],
      clientId: 'grid-console-e2e',
      serviceEnv: (name, started) =>
        name === 'alert-service'
          ? {
              WEBHOOK_SIGNING_SECRET: randomBytes(32).toString('base64'),
              JOB_SCHEDULES_ENABLED: 'false',
              ALERT_SETTLE_SECONDS: '0',
            }
          : { ALERT_SERVICE_URL: started['alert-service']! },
    });
    adminKey = stack.secrets.ADMIN_API_KEY;

    for (const [username, role, regionCode] of [
      [assistant, 'GRID_ASSISTANT', GRID],
      [inspector, 'INSPECTOR', REGION],
    ]) {
      const created = await api('/users', adminKey, {
        username,
        password: PASSWORD,
        role,
        regionCode,
        displayName: username,
      });
      expect(created.status).toBe(201);
    }

    // A project in construction in 湖里街道, and a RED arrears alert about it: a verification is requested.
    const now = new Date().toISOString();
    await stack.kafka.send(Topics.project, [
      {
        key: project,
        value: JSON.stringify(
          eventEnvelope(ProjectRegistered, project, {
            code: project,
            name: '湖里街道某安置房项目',
            regionCode: REGION,
            gridCode: GRID,
            contractor: { name: '厦门某建设工程有限公司', creditCode: '91350206MA31XM5K8N' },
            owner: { name: '湖里区住建局' },
            contractAmountFen: 100_000_000,
            startDate: '2026-03-01',
            payday: 15,
            status: 'IN_CONSTRUCTION',
            apiKeyHash: 'a'.repeat(64),
          }),
        ),
      },
    ]);
    await stack.kafka.send(Topics.alert, [
      {
        key: project,
        value: JSON.stringify(
          eventEnvelope(AlertRaised, project, {
            alertKey: key,
            code: 'WAGE_ARREARS',
            severity: 'RED',
            projectCode: project,
            regionCode: REGION,
            gridCode: GRID,
            month: '2026-10',
            title: `项目 ${project} 2026年10月 3名工人欠薪`,
            evidence: {
              workersAffected: 3,
              workers: [],
              amounts: { netPayDueFen: 1_800_000 },
              transactions: [],
              parameters: {},
              facts: {},
            },
            detectedAt: now,
          }),
        ),
      },
    ]);
  }, 240_000);

  afterAll(() => stack?.stop());

  const signIn = async (username: string): Promise<Page> => {
    const page = await stack.newPage({ viewport: PHONE });
    await stack.logIn(page, username, PASSWORD);
    return page;
  };
  const noWiderThanThePhone = async (page: Page) =>
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);

  let alertId: string;

  it('the assistant sees the plan, records a visit with a photo and verifies the alert', async () => {
    const assistantToken = await tokenOf(assistant);
    // The alert in alert-service, its verification requested by enforcement-service, the project in its plan.
    alertId = (
      await waitFor(
        async () =>
          (await api<{ items: { id: string }[] }>(`/alerts?projectCode=${project}`, assistantToken)).body
            .items?.[0],
        { description: "the alert in the assistant's list", timeoutMs: 60_000 },
      )
    ).id;
    await waitFor(
      async () => {
        const open = await api<{ items: { alertKey?: string }[] }>(
          `/verifications?gridCode=${GRID}&status=OPEN`,
          assistantToken,
        );
        return open.body.items?.some((v) => v.alertKey === key);
      },
      { description: 'the verification requested', timeoutMs: 60_000 },
    );
    // The district's 网格 figures count it as still to be verified.
    const before = await api<{ grids: { gridCode: string; openVerifications: number }[] }>(
      `/grids?regionCode=${REGION}`,
      await tokenOf(inspector),
    );
    expect(before.body.grids.find((g) => g.gridCode === GRID)?.openVerifications).toBe(1);
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
      .format(new Date())
      .slice(0, 7);
    await waitFor(
      async () => {
        const plan = await api<{ items?: { projectCode: string }[] }>(
          `/visit-plans?gridCode=${GRID}&month=${month}`,
          assistantToken,
        );
        return plan.body.items?.some((i) => i.projectCode === project);
      },
      { description: 'the project on the visit plan', timeoutMs: 60_000 },
    );

    // Signed in, the assistant lands on the patrol page.
    const page = await signIn(assistant);
    await page.getByTestId('patrol').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).hash).toBe('#/patrol');
    const planned = page.locator(`[data-testid=plan-item][data-project-code="${project}"]`);
    await planned.waitFor({ timeout: 30_000 });
    expect(await planned.innerText()).toContain('有未消除预警');
    expect(await planned.innerText()).toContain('本月未巡查');
    expect(await planned.getAttribute('data-visited')).toBe('false');

    const toVerify = page.locator(`[data-testid=verify-item][data-alert-key="${key}"]`);
    await toVerify.waitFor({ timeout: 30_000 });
    expect(await toVerify.innerText()).toContain('红色');
    expect(await toVerify.innerText()).toContain('欠薪');
    expect(await toVerify.getByTestId('verify-due').innerText()).toMatch(/核实期限 \d{4}-\d{2}-\d{2}/);
    await toVerify.getByRole('button', { name: '核实此项' }).click();

    const form = page.getByTestId('visit-form');
    expect(await form.getByLabel('巡查项目').inputValue()).toBe(project);
    // The time defaults to now.
    expect(await form.getByLabel('巡查时间').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);

    // Saving without findings or a result says what to fix, in Chinese, and sends nothing.
    await form.getByTestId('save-visit').click();
    expect(await form.getByTestId('error-message').innerText()).toContain('请填写现场情况');
    await form.getByLabel('现场情况').fill(findings);
    await form.getByTestId('save-visit').click();
    expect(await form.getByTestId('error-message').innerText()).toContain('请选择核实结果');
    await form.getByLabel('属实', { exact: true }).check();

    // A file that is not a photo is refused before anything is sent.
    await form.getByTestId('photo-input').setInputFiles({
      name: 'notes.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not a picture at all'),
    });
    await form.getByTestId('photo-error').waitFor();
    expect(await form.getByTestId('photo-error').innerText()).toContain('不是 JPEG、PNG 或 WebP 格式');
    await form.getByTestId('save-visit').click();
    expect(await form.getByTestId('error-message').innerText()).toContain('请移除后再保存');
    await form.getByTestId('photo-picks').getByRole('button', { name: '移除' }).click();
    await form.getByTestId('photo-input').setInputFiles({
      name: 'site.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await form.getByTestId('photo-picks').filter({ hasText: 'site.png' }).waitFor();
    expect(await form.getByTestId('photo-error').count()).toBe(0);

    // A double tap saves one visit.
    await form.getByTestId('save-visit').dblclick();
    await form.getByTestId('visit-saved').waitFor({ timeout: 30_000 });
    await page
      .locator(`[data-testid=plan-item][data-project-code="${project}"][data-visited=true]`)
      .waitFor({ timeout: 30_000 });
    expect(await toVerify.getByTestId('verify-done').innerText()).toContain('已核实：属实');
    await noWiderThanThePhone(page);
    await page.screenshot({ path: resolve(ARTIFACTS, 'grid-patrol-phone.png'), fullPage: true });

    const visits = await api<{ total: number; items: { findings: string; photos: unknown[] }[] }>(
      `/visits?projectCode=${project}`,
      assistantToken,
    );
    expect(visits.body.total).toBe(1);
    expect(visits.body.items[0]).toMatchObject({
      findings,
      photos: [{ name: 'site.png', contentType: 'image/png' }],
    });
    // The request is done once the VerificationRecorded has gone round.
    await waitFor(
      async () => {
        const done = await api<{ items: { alertKey?: string; status: string }[] }>(
          `/verifications?gridCode=${GRID}`,
          assistantToken,
        );
        return done.body.items?.some((v) => v.alertKey === key && v.status === 'DONE');
      },
      { description: 'the verification marked DONE', timeoutMs: 60_000 },
    );
    await page.close();
  }, 240_000);

  it("the alert's history shows the verification; the inspector's 网格 page shows the visit and its photo", async () => {
    const inspectorToken = await tokenOf(inspector);
    await waitFor(
      async () => {
        const alert = await api<{ history: { action: string }[] }>(`/alerts/${alertId}`, inspectorToken);
        return alert.body.history?.some((entry) => entry.action === 'VERIFIED');
      },
      { description: "the verification in the alert's history", timeoutMs: 60_000 },
    );
    const page = await signIn(inspector);
    await page.waitForSelector('header.top nav');
    await page.goto(`${stack.gateway.url}/#/alerts/${alertId}`);
    const history = page.locator('ol.history');
    await history.filter({ hasText: '现场核实' }).waitFor({ timeout: 30_000 });
    expect(await history.innerText()).toContain(findings);
    expect(await history.innerText()).toContain('属实');

    await page.getByRole('link', { name: '网格', exact: true }).click();
    const grid = page.locator(`[data-testid=grid][data-grid-code="${GRID}"]`);
    await grid.waitFor({ timeout: 30_000 });
    expect(await grid.getByTestId('grid-visits').innerText()).toBe('1');
    expect(await grid.getByTestId('grid-open').innerText()).toBe('0');
    expect(await page.getByTestId('grid-coverage').innerText()).toMatch(/100\.0%\s*1 \/ 1/);
    await noWiderThanThePhone(page);
    await page.screenshot({ path: resolve(ARTIFACTS, 'grids-phone.png'), fullPage: true });

    await grid.getByRole('link').first().click();
    const detail = page.getByTestId('grid-detail');
    await detail.waitFor({ timeout: 30_000 });
    const visit = detail.getByTestId('visit').filter({ hasText: findings });
    await visit.waitFor({ timeout: 30_000 });
    expect(await visit.getByTestId('visit-verifies').innerText()).toContain('属实');
    // The thumbnail is the photo fetched with the bearer token, shown from an object URL.
    const thumbnail = visit.getByTestId('visit-photo').locator('img');
    await thumbnail.waitFor({ timeout: 30_000 });
    expect(await thumbnail.getAttribute('src')).toMatch(/^blob:/);
    expect(await thumbnail.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(
      1,
    );
    await visit.getByTestId('visit-photo').click();
    await page.getByTestId('photo-view').waitFor();
    await page.getByTestId('photo-view').getByRole('button', { name: '关闭' }).click();
    expect(await detail.getByTestId('verification').filter({ hasText: '已核实' }).count()).toBe(1);
    await noWiderThanThePhone(page);
    await page.screenshot({ path: resolve(ARTIFACTS, 'grid-detail-phone.png'), fullPage: true });
    await page.close();
  }, 180_000);
});
