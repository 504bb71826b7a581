import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { identityCheckDigit } from '@wage/domain';
import { signAccessToken } from '@wage/platform';
import {
  BACKEND_URL_VARIABLES,
  mentionsNumber,
  startSmsCatcher,
  testSecrets,
  waitFor,
  type ServiceProcess,
  type SmsCatcher,
} from '@wage/testing';
import { ARTIFACTS, startConsoleStack, type ConsoleStack } from '@wage/testing/console-stack';

/**
 * The workers' page (/worker) in a real headless Chromium on a phone's viewport, against the services running as
 * real processes behind the gateway, which serves the built page (`npm run build` first). The sign-in code is read
 * from the SMS catcher, as a worker reads it from their phone.
 */
const PHONE = { width: 390, height: 844 };
const SERVICES = [
  'roster-service',
  'wage-account-service',
  'rules-engine',
  'alert-service',
  'enforcement-service',
] as const;
const PROJECT = 'XM-WORKER-E2E';
const MONTHS = ['2026-08', '2026-09', '2026-10'];

function identityNumber(sequence: number): string {
  const first17 = `350206${'19880517'}${String(sequence).padStart(3, '0')}`;
  return first17 + identityCheckDigit(first17);
}

describe("the workers' page in headless Chromium on a phone", () => {
  let stack: ConsoleStack;
  let catcher: SmsCatcher;
  let browser: Browser;
  let gateway: ServiceProcess;
  let adminKey: string;
  let jwtSecret: string;
  let running: ServiceProcess[];
  const me = { idNumber: identityNumber(1), phone: '13800000001', card: '6222000000000000001' };

  const api = async <T>(path: string, token: string, method = 'GET', body?: unknown) => {
    const response = await fetch(`${gateway.url}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };

  beforeAll(async () => {
    const smsSecret = testSecrets().SMS_API_SECRET;
    catcher = await startSmsCatcher(smsSecret);
    stack = await startConsoleStack({
      app: 'worker-portal',
      services: SERVICES,
      clientId: 'worker-portal-e2e',
      env: {
        SMS_API_SECRET: smsSecret,
        SMS_PROVIDER_URL: catcher.providerUrl,
        // Debug logs too: the code must not be in any of them.
        LOG_LEVEL: 'debug',
        JOB_SCHEDULES_ENABLED: 'false',
        ALERT_SETTLE_SECONDS: '0',
      },
      browserArgs: ['--disable-background-networking', '--no-first-run'],
      // Each service reaches those started before it.
      serviceEnv: (_name, started) =>
        Object.fromEntries(
          Object.entries(started).map(([name, url]) => [
            BACKEND_URL_VARIABLES[name as keyof typeof BACKEND_URL_VARIABLES],
            url,
          ]),
        ),
    });
    ({ browser, gateway, running } = stack);
    adminKey = stack.secrets.ADMIN_API_KEY;
    jwtSecret = stack.secrets.JWT_SECRET;

    // A project whose roll has the worker and a colleague, three months of attendance and pay sheets, and the
    // bank's payroll payment of the first month.
    const project = await api<{ apiKey: string }>('/projects', adminKey, 'POST', {
      code: PROJECT,
      name: '湖里区保障性住房项目',
      regionCode: '350206',
      contractor: { name: '厦门某建设工程有限公司', creditCode: '91350206MA31XM5K8N' },
      owner: { name: '厦门城建' },
      contractAmount: '128000000.00',
      startDate: '2026-03-01',
      payday: 15,
    });
    expect(project.status).toBe(201);
    const key = project.body.apiKey;
    const workers = [
      { ...me, name: '王小明' },
      { idNumber: identityNumber(2), phone: '13800000002', card: '6222000000000000002', name: '李大军' },
    ];
    const roll = await api(`/projects/${PROJECT}/workers`, key, 'PUT', {
      workers: workers.map((w) => ({
        idNumber: w.idNumber,
        name: w.name,
        phone: w.phone,
        bankCard: { bankCode: 'ICBC', cardNumber: w.card },
        entryDate: '2026-03-10',
      })),
    });
    expect(roll.status).toBe(200);
    for (const month of MONTHS) {
      const records = workers.map((w) => ({ idNumber: w.idNumber, daysWorked: 22 }));
      const lines = workers.map((w) => ({ idNumber: w.idNumber, grossPay: '7200.00', netPay: '6800.00' }));
      expect((await api(`/projects/${PROJECT}/attendance`, key, 'POST', { month, records })).status).toBe(
        201,
      );
      expect((await api(`/projects/${PROJECT}/pay-sheets`, key, 'POST', { month, lines })).status).toBe(201);
    }
    const bank = await api<{ apiKey: string }>('/banks', adminKey, 'POST', {
      code: 'ICBC',
      name: '工商银行',
    });
    const account = '35050187000700009999';
    expect(
      (
        await api('/wage-accounts', bank.body.apiKey, 'POST', {
          projectCode: PROJECT,
          bankCode: 'ICBC',
          accountNumber: account,
          openedOn: '2026-03-05',
        })
      ).status,
    ).toBe(201);
    const paid = await api(`/wage-accounts/${account}/transactions`, bank.body.apiKey, 'POST', {
      transactions: [
        {
          serialNo: 'E2E-1',
          occurredAt: '2026-09-10T10:00:00+08:00',
          direction: 'CREDIT',
          amount: '20000.00',
          kind: 'APPROPRIATION',
          counterparty: { name: '厦门城建', accountNumber: '35050100000000000001' },
        },
        {
          serialNo: 'E2E-2',
          occurredAt: '2026-09-15T10:00:00+08:00',
          direction: 'DEBIT',
          amount: '6800.00',
          kind: 'PAYROLL',
          payrollMonth: '2026-08',
          counterparty: { name: '王小明', accountNumber: me.card },
        },
      ],
    });
    expect([200, 201]).toContain(paid.status);
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
    await catcher?.stop();
  });

  const newPage = async (): Promise<Page> => {
    const page = await browser.newPage({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
    page.on('pageerror', (error) => console.error(`browser error: ${error.message}`));
    return page;
  };

  /** Signs the worker in as they would: identity and phone, then the newest code the SMS catcher holds for them. */
  const signIn = async (): Promise<{ page: Page; code: string }> => {
    const page = await newPage();
    await page.goto(`${gateway.url}/worker`);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    const before = (await catcher.messages(me.phone)).length;
    await page.getByLabel('身份证号').fill(me.idNumber);
    await page.getByLabel('手机号').fill(me.phone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    const sms = await waitFor(
      async () => {
        const messages = await catcher.messages(me.phone);
        return messages.length > before ? messages[0] : undefined;
      },
      { description: 'the sign-in SMS at the catcher' },
    );
    const code = /(\d{6})/.exec(sms.text)![1];
    await page.getByLabel('短信验证码').fill(code);
    await page.getByRole('button', { name: '登录' }).click();
    return { page, code };
  };

  it('a worker signs in with the SMS code, sees three months, confirms one and disputes one', async () => {
    const { page, code } = await signIn();

    const cards = page.locator('li.month');
    await waitFor(async () => (await cards.count()) === 3, { description: 'three months shown' });
    expect(await cards.first().getAttribute('aria-label')).toBe('湖里区保障性住房项目 2026年10月');
    // The August payment reached the worker's card: the page says so, with the card masked.
    const august = page.getByRole('listitem', { name: '湖里区保障性住房项目 2026年8月' });
    await waitFor(
      async () => {
        await page.reload();
        return (await august.textContent())?.includes('6222***********0001') ?? false;
      },
      { description: "August's payment on the page", timeoutMs: 45_000 },
    );
    await page.screenshot({ path: resolve(ARTIFACTS, 'worker-months.png'), fullPage: true });

    await august.getByRole('button', { name: '工资无误，确认' }).click();
    await august.getByText('您已确认本月工资无误').waitFor();

    const october = page.getByRole('listitem', { name: '湖里区保障性住房项目 2026年10月' });
    await october.getByRole('button', { name: '有问题，提出异议' }).click();
    await october.getByLabel('没收到这笔工资').check();
    await october.getByRole('button', { name: '提交异议' }).click();
    await october.getByText('您已提出异议：没收到这笔工资').waitFor();
    await page.screenshot({ path: resolve(ARTIFACTS, 'worker-dispute.png'), fullPage: true });

    // The dispute reaches the inspectors as WORKER_PAY_DISPUTED, with the worker masked.
    const alert = await waitFor(
      async () => {
        const list = await api<{ items: { code: string; month: string; evidence: unknown }[] }>(
          `/alerts?projectCode=${PROJECT}&code=WORKER_PAY_DISPUTED`,
          adminKey,
        );
        return list.body.items?.find((a) => a.month === '2026-10');
      },
      { description: 'WORKER_PAY_DISPUTED in the alert service', timeoutMs: 60_000 },
    );
    const evidence = JSON.stringify(alert.evidence);
    expect(evidence).toContain('王**');
    expect(evidence).not.toContain('王小明');
    expect(evidence).not.toContain(me.idNumber);

    // The code was in the SMS only: no service wrote it in its logs.
    for (const service of running) expect(mentionsNumber(service.output(), code)).toBe(false);
  }, 180_000);

  it('a worker files an arrears clue and sees it accepted after an inspector accepts it', async () => {
    const { page } = await signIn();
    await page.getByRole('heading', { name: '我要投诉欠薪' }).waitFor();
    const form = page.locator('#clue-form');
    // An error says in Chinese what to fix, and nothing is sent.
    await form.getByRole('button', { name: '提交投诉' }).click();
    await page.getByText('请选择从哪个月开始欠工资。').waitFor();

    await form.getByLabel('哪个项目').selectOption(PROJECT);
    await form.getByLabel('从哪个月开始欠').fill('2026-09');
    await form.getByLabel('到哪个月').fill('2026-10');
    await form.getByLabel('被欠多少钱').fill('6800');
    await form.getByLabel('情况说明').fill('9月、10月工资没有到卡上');
    expect(await form.getByLabel('联系电话').inputValue()).toBe(me.phone);
    const status = page.locator('#status');
    const submit = form.getByRole('button', { name: '提交投诉' });
    // Casework learns the roll from Kafka; until it has, the project is not yet known to be the worker's.
    await waitFor(
      async () => {
        await submit.click();
        await page.locator('#clue-submit:enabled').waitFor();
        return (await status.textContent())?.includes('投诉已提交') ?? false;
      },
      { description: 'the clue accepted by casework', timeoutMs: 45_000 },
    );
    const clue = page.locator('#clue-list li.clue');
    expect(await clue.count()).toBe(1);
    expect(await clue.locator('.clue-status').textContent()).toBe('已收到，等待受理');

    // An inspector finds it in the intake queue and accepts it through the API.
    const inspector = signAccessToken(
      { sub: 'inspector.e2e', role: 'INSPECTOR', region: '350206' },
      jwtSecret,
      900,
    );
    const queue = await api<{ items: { id: string; projectCode: string; complainant: { name: string } }[] }>(
      '/complaints?kind=CLUE&status=PENDING',
      inspector,
    );
    const filed = queue.body.items.find((c) => c.projectCode === PROJECT);
    expect(filed?.complainant.name).toBe('王小明');
    expect((await api(`/complaints/${filed!.id}/accept`, inspector, 'POST', {})).status).toBe(200);

    await page.reload();
    await waitFor(async () => (await clue.locator('.clue-status').textContent()) === '已受理，正在处理', {
      description: 'the clue shown accepted',
    });
    await page.screenshot({ path: resolve(ARTIFACTS, 'worker-clue.png'), fullPage: true });
  }, 180_000);

  it('a worker whose phone loses the network, or whose session expired, is told so and keeps what they typed', async () => {
    const { page } = await signIn();
    const status = page.locator('#status');
    await page.getByRole('heading', { name: '我要投诉欠薪' }).waitFor();
    const form = page.locator('#clue-form');
    await form.getByLabel('哪个项目').selectOption(PROJECT);
    await form.getByLabel('从哪个月开始欠').fill('2026-10');
    await form.getByLabel('到哪个月').fill('2026-10');
    await form.getByLabel('情况说明').fill('10月工资没有到卡上');

    // No network: the request never gets an answer.
    await page.route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
    await form.getByRole('button', { name: '提交投诉' }).click();
    await waitFor(async () => (await status.textContent())?.includes('连不上服务器') ?? false, {
      description: 'the page saying it cannot reach the server',
    });
    expect(await form.getByLabel('情况说明').inputValue()).toBe('10月工资没有到卡上');
    await page.unroute('**/api/v1/**');

    // The session expired (the API answers 401): back to signing in, told why, the clue's text still there.
    await page.route('**/api/v1/**', (route) =>
      route.fulfill({ status: 401, contentType: 'application/json', body: '{"error":"UNAUTHENTICATED"}' }),
    );
    await form.getByRole('button', { name: '提交投诉' }).click();
    await waitFor(async () => (await status.textContent())?.includes('登录已过期') ?? false, {
      description: 'the page saying the session expired',
    });
    expect(await page.getByRole('button', { name: '获取验证码' }).isVisible()).toBe(true);
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    expect(await form.getByLabel('情况说明').inputValue()).toBe('10月工资没有到卡上');
  }, 120_000);
});
