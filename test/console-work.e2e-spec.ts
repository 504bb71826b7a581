import { randomBytes, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { Client as PgClient } from 'pg';
import type { Page } from 'playwright-core';
import { Topics, alertKey, type AlertCode } from '@wage/contracts';
import { dateInShanghai, latestDueMonth } from '@wage/domain';
import type { KafkaClient } from '@wage/platform';
import ExcelJS from 'exceljs';
import { waitFor, type ServiceProcess } from '@wage/testing';
import {
  ALERTS_AT_ONCE,
  ARTIFACTS,
  QUIET_BROWSER,
  startConsoleStack,
  type ConsoleStack,
} from '@wage/testing/console-stack';

/**
 * The console as inspectors and administrators work in it (issue 17): the workbench's open caseload, the evidence
 * a person reads, the phone layout, the exports and the administration pages, in a real headless Chromium at a
 * phone's and a desktop's size, against the services it needs running as real processes behind the gateway that
 * serves the built console (`npm run build` first).
 */
const PASSWORD = 'a-long-enough-password';
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const VIEWPORTS = [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const;
const HOUR = 3_600_000;
/** Each test drives both viewports in a real browser: well past jest's default minute on a slow CI machine. */
const TEST_MS = 180_000;

const SERVICES = [
  'alert-service',
  'report-service',
  'roster-service',
  'wage-account-service',
  'rules-engine',
] as const;

interface RaiseOptions {
  code?: AlertCode;
  severity?: string;
  month?: string | null;
  title?: string;
  evidence?: object;
}

/*
 * The functions handed to page.evaluate run in the browser. The root tsconfig has no DOM library (and this file
 * must not pull one into the whole program), so the few browser globals they use are declared here, loosely.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
type Element = any;
declare const document: any;
declare const window: any;
declare function getComputedStyle(element: Element): any;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** In the page: its width, the navigation's rows, targets smaller than 44 × 44 px, fields without a label. */
const inspectLayout = () => {
  const visible = (el: Element) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
  };
  const nav = Array.from<Element>(document.querySelectorAll('header.top nav a')).map((a) =>
    a.getBoundingClientRect(),
  );
  const targets = Array.from<Element>(
    document.querySelectorAll('a, button, select, input, textarea, summary'),
  )
    .filter(visible)
    .map((el) => {
      const box = el.getBoundingClientRect();
      return {
        what: `${el.tagName} ${el.textContent?.trim().slice(0, 20)}`,
        w: box.width,
        h: box.height,
      };
    })
    .filter((t) => t.w < 44 || t.h < 44);
  const unlabelled = Array.from<Element>(document.querySelectorAll('input, select, textarea'))
    .filter(visible)
    .filter(
      (el) => ((el as { labels?: unknown[] }).labels?.length ?? 0) === 0 && !el.getAttribute('aria-label'),
    )
    .map((el) => el.getAttribute('name'));
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    navTops: [...new Set(nav.map((box) => Math.round(box.top)))],
    navHeights: nav.map((box) => Math.round(box.height)),
    targets,
    unlabelled,
  };
};

describe('the console inspectors and administrators work in (headless Chromium)', () => {
  let stack: ConsoleStack;
  let db: PgClient;
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

  const envelope = (type: string, projectCode: string, data: object) => {
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

  const alertEvent = (projectCode: string, regionCode: string, options: RaiseOptions = {}) => {
    const code = options.code ?? 'WAGE_ARREARS';
    const month = options.month === undefined ? '2026-10' : options.month;
    return {
      alertKey: alertKey(code, projectCode, month),
      code,
      severity: options.severity ?? 'YELLOW',
      projectCode,
      regionCode,
      month,
      title: options.title ?? `项目 ${projectCode} 欠薪`,
      evidence: options.evidence ?? {
        workersAffected: 1,
        workers: [{ idHash: 'a'.repeat(64), idMasked: '350206********1234', amountDueFen: 500_000 }],
        amounts: { netPayDueFen: 500_000, paidFen: 0, shortfallFen: 500_000 },
        transactions: [],
        parameters: { graceDays: 0 },
        facts: { deadline: '2026-11-16' },
      },
      detectedAt: new Date().toISOString(),
    };
  };

  const raise = (alerts: { projectCode: string; regionCode: string; options?: RaiseOptions }[]) =>
    kafka.send(
      Topics.alert,
      alerts.map((a) =>
        envelope('AlertRaised', a.projectCode, alertEvent(a.projectCode, a.regionCode, a.options)),
      ),
    );

  const alertOf = (projectCode: string) =>
    waitFor(
      async () => {
        const page = await api<{ items: { id: string; status: string }[] }>(
          `/alerts?projectCode=${projectCode}`,
          adminKey,
        );
        return page.body.items[0];
      },
      { description: `the alert of ${projectCode}`, timeoutMs: 45_000 },
    );

  const tokenOf = async (username: string) =>
    (
      await api<{ accessToken: string }>('/auth/login', '', {
        method: 'POST',
        body: JSON.stringify({ username, password: PASSWORD }),
      })
    ).body.accessToken;

  const newPage = (viewport: { width: number; height: number }): Promise<Page> => stack.newPage({ viewport });
  const logIn = (page: Page, username: string, path = '') => stack.logIn(page, username, PASSWORD, path);

  beforeAll(async () => {
    stack = await startConsoleStack({
      services: SERVICES,
      topics: [Topics.alert, Topics.assessment],
      clientId: 'console-work-e2e',
      env: { WEBHOOK_SIGNING_SECRET: randomBytes(32).toString('base64'), ...ALERTS_AT_ONCE },
      browserArgs: QUIET_BROWSER,
    });
    ({ kafka, gateway } = stack);
    adminKey = stack.secrets.ADMIN_API_KEY;
    db = new PgClient({ connectionString: stack.database.url });
    await db.connect();

    for (const [username, role, regionCode, displayName] of [
      ['insp-city', 'INSPECTOR', '350200', '陈监察'],
      ['insp-huli', 'INSPECTOR', '350206', '林监察'],
      ['lead-city', 'LEADER', '350200', '黄局长'],
      ['insp-fuzhou', 'INSPECTOR', '350100', '福州监察'],
      ['root-admin', 'ADMIN', '000000', '系统管理员'],
    ]) {
      const created = await api('/users', adminKey, {
        method: 'POST',
        body: JSON.stringify({ username, password: PASSWORD, role, regionCode, displayName }),
      });
      expect(created.status).toBe(201);
    }
  }, 240_000);

  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it(
    'the workbench opens on the open caseload, most severe first, paged, with counts, countdowns and durations',
    async () => {
      // 56 open alerts in Xiamen, more than a page of 50: a RED raised five hours ago (past its 4 h deadline), a
      // RED just now, ORANGE, YELLOW and BLUE ones; one to be acknowledged, one cleared; and one in Fuzhou.
      const region = (i: number) => ['350203', '350205', '350206', '350211'][i % 4];
      await raise([
        { projectCode: 'P-W-RED-OLD', regionCode: '350206', options: { severity: 'RED' } },
        { projectCode: 'P-W-RED-NEW', regionCode: '350203', options: { severity: 'RED' } },
        { projectCode: 'P-W-ORANGE', regionCode: '350211', options: { severity: 'ORANGE' } },
        { projectCode: 'P-W-ACK', regionCode: '350206', options: { severity: 'ORANGE' } },
        { projectCode: 'P-W-CLEARED', regionCode: '350206', options: { severity: 'YELLOW' } },
        { projectCode: 'P-W-FUZHOU', regionCode: '350102', options: { severity: 'RED' } },
        ...Array.from({ length: 40 }, (_, i) => ({
          projectCode: `P-W-Y-${String(i).padStart(2, '0')}`,
          regionCode: region(i),
          options: { severity: 'YELLOW' },
        })),
        ...Array.from({ length: 13 }, (_, i) => ({
          projectCode: `P-W-B-${String(i).padStart(2, '0')}`,
          regionCode: region(i),
          options: { severity: 'BLUE', code: 'PAY_SHEET_MISSING' as const },
        })),
      ]);
      await waitFor(async () => (await api<{ total: number }>('/alerts', adminKey)).body.total === 59, {
        description: 'the 59 alerts in the alert service',
        timeoutMs: 60_000,
      });
      const old = await alertOf('P-W-RED-OLD');
      const fiveHoursAgo = new Date(Date.now() - 5 * HOUR);
      await db.query(`UPDATE alerts.alerts SET raised_at = $2, severity_since = $2 WHERE id = $1`, [
        old.id,
        fiveHoursAgo,
      ]);
      const cityToken = await tokenOf('insp-city');
      const acknowledged = await api(`/alerts/${(await alertOf('P-W-ACK')).id}/acknowledge`, cityToken, {
        method: 'POST',
        body: '{}',
      });
      expect(acknowledged.status).toBe(200);
      const clearedEvent = alertEvent('P-W-CLEARED', '350206', { severity: 'YELLOW' });
      const cleared = await alertOf('P-W-CLEARED');
      await kafka.send(Topics.alert, [
        envelope('AlertCleared', 'P-W-CLEARED', {
          ...clearedEvent,
          raisedAt: new Date(Date.now() - 2 * HOUR).toISOString(),
          clearedAt: new Date().toISOString(),
          durationSeconds: 7_200,
        }),
      ]);
      await waitFor(
        async () =>
          (await api<{ status: string }>(`/alerts/${cleared.id}`, adminKey)).body.status === 'CLEARED',
        { description: 'the cleared alert', timeoutMs: 45_000 },
      );
      // The cleared alert lasted from when the case was raised until it cleared: two hours ago it was raised.
      await db.query(`UPDATE alerts.alerts SET raised_at = $2 WHERE id = $1`, [
        cleared.id,
        new Date(Date.now() - 2 * HOUR - 60_000),
      ]);

      for (const [name, viewport] of VIEWPORTS) {
        const page = await newPage(viewport);
        await logIn(page, 'insp-city');
        await page.waitForSelector('ul.alerts li');
        // Opens on 待处理: the 57 open or acknowledged alerts of Xiamen, 50 to a page.
        expect(await page.locator('select[name=status] option:checked').textContent()).toBe('待处理');
        expect(await page.locator('ul.alerts li').count()).toBe(50);
        expect(await page.locator('[data-testid=page-of]').textContent()).toBe('第 1 / 2 页，共 57 条');
        expect(await page.locator('[data-count=open] strong').textContent()).toBe('56');
        expect(await page.locator('[data-count=acknowledged] strong').textContent()).toBe('1');
        expect(await page.locator('[data-count=overdue] strong').textContent()).toBe('1');
        expect(await page.locator('[data-testid=counts]').textContent()).toContain('待签收');
        // Most severe first, the longest waiting at the top of its colour; Fuzhou's RED is not the inspector's.
        const projects = await page
          .locator('ul.alerts li')
          .evaluateAll((items) => items.map((li) => li.getAttribute('data-project')));
        expect(projects.slice(0, 2)).toEqual(['P-W-RED-OLD', 'P-W-RED-NEW']);
        expect(projects.slice(2, 4).sort()).toEqual(['P-W-ACK', 'P-W-ORANGE']);
        expect(projects.slice(4, 44).every((p) => p?.startsWith('P-W-Y-'))).toBe(true);
        expect(projects).not.toContain('P-W-FUZHOU');
        // The overdue RED says how long past its deadline; the new one counts down to its 4 h; an acknowledged one
        // does not escalate; BLUE never does.
        const timing = (project: string) => page.locator(`li[data-project=${project}] .timing`);
        expect(await timing('P-W-RED-OLD').getAttribute('data-timing')).toBe('overdue');
        expect(await timing('P-W-RED-OLD').textContent()).toMatch(/^已超时 (59分钟|1小时)/);
        expect(await timing('P-W-RED-NEW').textContent()).toMatch(/^3小时\d+分钟后升级$/);
        expect(await timing('P-W-ORANGE').textContent()).toMatch(/^23小时\d+分钟后升级$/);
        expect(await timing('P-W-ACK').getAttribute('data-timing')).toBe('age');

        await page.click('[data-testid=pager] button:has-text("下一页")');
        await page.locator('[data-testid=page-of]:has-text("第 2 / 2 页")').waitFor();
        expect(await page.locator('ul.alerts li').count()).toBe(7);
        expect(await page.locator('ul.alerts li').first().getAttribute('data-project')).toMatch(/^P-W-B-/);
        await page.screenshot({ path: resolve(ARTIFACTS, `workbench-page2-${name}.png`), fullPage: true });

        // A cleared alert says how long it lasted, and no timer runs on it.
        await page.selectOption('select[name=status]', 'CLEARED');
        await page.click('form.filters button[type=submit]');
        await page.locator('li[data-project=P-W-CLEARED]').waitFor();
        expect(await page.locator('ul.alerts li').count()).toBe(1);
        expect(await timing('P-W-CLEARED').textContent()).toMatch(/^历时 2小时(\d分钟)?$/);
        await page.click('form.filters button[type=reset]');
        await page.locator('[data-testid=page-of]:has-text("第 1 / 2 页")').waitFor();
        await page.screenshot({ path: resolve(ARTIFACTS, `workbench-open-${name}.png`), fullPage: true });
        await page.close();
      }
    },
    TEST_MS,
  );

  it(
    'assigns an alert to someone picked from the people whose region covers it',
    async () => {
      await raise([{ projectCode: 'P-W-ASSIGN', regionCode: '350206', options: { severity: 'ORANGE' } }]);
      const alert = await alertOf('P-W-ASSIGN');
      for (const [name, viewport] of VIEWPORTS) {
        const page = await newPage(viewport);
        await logIn(page, 'insp-city', `#/alerts/${alert.id}`);
        const detail = page.locator(`article.detail[data-alert-id="${alert.id}"]`);
        await detail.waitFor();
        const picker = detail.locator('select[name=assignee]');
        await detail.locator('select[name=assignee]:not([disabled])').waitFor();
        const offered = await picker
          .locator('option')
          .evaluateAll((options) => options.map((o) => (o as { value: string }).value).filter(Boolean));
        // Huli's inspector first (the alert's own district), then the city's people; never Fuzhou's.
        expect(offered).toEqual(['insp-huli', 'insp-city', 'lead-city']);
        expect(await picker.locator('option[value=insp-huli]').textContent()).toContain('林监察');
        expect(await picker.locator('option[value=insp-huli]').textContent()).toContain('湖里区');
        // The field is labelled.
        expect(await detail.getByLabel('承办人').count()).toBe(1);
        const assignee = name === 'phone' ? 'insp-huli' : 'lead-city';
        await picker.selectOption(assignee);
        await detail.locator('button', { hasText: '指派' }).click();
        await detail.locator('.notice.ok').waitFor();
        expect((await api<{ assignee: string }>(`/alerts/${alert.id}`, adminKey)).body.assignee).toBe(
          assignee,
        );
        await page.screenshot({ path: resolve(ARTIFACTS, `workbench-assign-${name}.png`), fullPage: true });
        await page.close();
      }
    },
    TEST_MS,
  );
  it(
    'shows evidence a person reads, in Chinese, for WAGE_ARREARS and FUNDS_DIVERTED; English translates titles',
    async () => {
      // The evidence exactly as the rules engine records it (libs/domain/src/rules): the arrears of October 2026,
      // due 2026-11-16, evaluated 16 days later; and two debits from the account that are not payroll.
      const parameterSources = { graceDays: { kind: 'NATIONAL_DEFAULT' } };
      await raise([
        {
          projectCode: 'P-E-ARREARS',
          regionCode: '350206',
          options: {
            code: 'WAGE_ARREARS',
            severity: 'RED',
            title: '2026年10月 欠薪：2名工人未收到工资',
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
                { idHash: 'b'.repeat(64), idMasked: '350203********567X', name: '李四', amountPaidFen: 0 },
              ],
              amounts: { netPayDueFen: 650_000 },
              transactions: [],
              parameters: {
                graceDays: 0,
                orangeDaysOverdue: 15,
                redDaysOverdue: 30,
                orangeUnpaidShareBasisPoints: 1000,
              },
              facts: {
                payday: 15,
                dueDate: '2026-11-16',
                deadline: '2026-11-16',
                daysOverdue: 16,
                calendarKnown: true,
                workersDue: 3,
                workersUnpaid: 2,
                workersUnpaidWithoutPaySheet: 1,
                ruleVersion: 3,
                parameterSources,
              },
            },
          },
        },
        {
          projectCode: 'P-E-DIVERTED',
          regionCode: '350206',
          options: {
            code: 'FUNDS_DIVERTED',
            severity: 'RED',
            title: '2026年10月 专户资金挪用：2笔非工资支出共85000.00元',
            evidence: {
              workersAffected: 0,
              workers: [],
              amounts: { divertedFen: 8_500_000 },
              transactions: [
                {
                  accountNumber: '6222000011112222',
                  serialNo: 'SN-1001',
                  occurredAt: '2026-10-20T06:30:00.000Z',
                  kind: 'WITHDRAWAL',
                  amountFen: 8_000_000,
                },
                {
                  accountNumber: '6222000011112222',
                  serialNo: 'SN-1002',
                  occurredAt: '2026-10-22T02:05:00.000Z',
                  kind: 'TRANSFER',
                  amountFen: 500_000,
                  counterpartyName: '厦门某建材有限公司',
                  counterpartyAccountMasked: '3502********8888',
                },
              ],
              parameters: {
                feeAllowanceFen: 50_000,
                redAmountFen: 5_000_000,
                redBalanceShareBasisPoints: 2000,
              },
              facts: { largeSerialNos: ['SN-1001'], ruleVersion: 1, parameterSources },
            },
          },
        },
      ]);
      const arrears = await alertOf('P-E-ARREARS');
      const diverted = await alertOf('P-E-DIVERTED');

      for (const [name, viewport] of VIEWPORTS) {
        const page = await newPage(viewport);
        await logIn(page, 'insp-city', `#/alerts/${arrears.id}`);
        const evidence = page.locator('article.detail section.evidence[data-code=WAGE_ARREARS]');
        await evidence.waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
        expect(await evidence.locator('[data-testid=what]').textContent()).toBe(
          '工资支付期限已过，2名应发工资的工人（共3名）未从农民工工资专用账户收到本月任何工资；已知应发合计¥6,500.00。',
        );
        expect(await evidence.locator('[data-testid=basis]').textContent()).toContain(
          '《保障农民工工资支付条例》第十一条至第十四条',
        );
        expect(await evidence.locator('[data-testid=deadline]').textContent()).toBe('2026-11-16');
        expect(await evidence.locator('[data-testid=days-overdue]').textContent()).toBe('16 天');
        expect(await evidence.locator('[data-amount=netPayDueFen]').textContent()).toBe('应发合计¥6,500.00');
        // The workers as a table of 应发 / 实发 / 欠付, in yuan.
        const zhang = evidence.locator('table.workers tbody tr', { hasText: '张三' });
        const cells = await zhang.locator('td').allTextContents();
        if (name === 'desktop') {
          expect(await evidence.locator('table.workers thead th').allTextContents()).toEqual([
            '姓名',
            '身份证号',
            '银行卡',
            '应发',
            '实发',
            '欠付',
          ]);
          expect(cells).toEqual([
            '张三',
            '350206********1234',
            '6222********0123',
            '¥6,500.00',
            '¥0.00',
            '¥6,500.00',
          ]);
        }
        // Raw keys and JSON are folded away, not shown.
        expect(await evidence.locator('details.raw').getAttribute('open')).toBeNull();
        expect(await evidence.getByText('parameterSources').isVisible()).toBe(false);
        expect(await evidence.getByText('orangeUnpaidShareBasisPoints').isVisible()).toBe(false);
        await evidence.locator('details.raw summary').click();
        expect(await evidence.getByText('orangeUnpaidShareBasisPoints').isVisible()).toBe(true);
        await page.screenshot({ path: resolve(ARTIFACTS, `evidence-arrears-${name}.png`), fullPage: true });

        await page.goto(`${gateway.url}/#/alerts/${diverted.id}`);
        const divertedEvidence = page.locator('section.evidence[data-code=FUNDS_DIVERTED]');
        await divertedEvidence.waitFor();
        expect(await divertedEvidence.locator('[data-testid=what]').textContent()).toBe(
          '农民工工资专用账户有2笔不是向工人代发工资的支出（取现、转给单位或超出限额的手续费），共¥85,000.00。',
        );
        expect(await divertedEvidence.locator('[data-testid=basis]').textContent()).toBe(
          '《保障农民工工资支付条例》第二十六条（专用账户专项用于支付农民工工资）',
        );
        const rows = divertedEvidence.locator('table.transactions tbody tr');
        expect(await rows.count()).toBe(2);
        const first = await rows.nth(0).locator('td').allTextContents();
        expect(first.slice(0, 3)).toEqual(['2026-10-20 14:30', '取现', '¥80,000.00']);
        const second = await rows.nth(1).locator('td').allTextContents();
        expect(second.slice(0, 3)).toEqual(['2026-10-22 10:05', '转账', '¥5,000.00']);
        expect(second[3]).toContain('厦门某建材有限公司');
        await page.screenshot({ path: resolve(ARTIFACTS, `evidence-diverted-${name}.png`), fullPage: true });

        // English: the title too, and the page's language.
        await page.click('[data-testid=lang-switch]');
        await page.locator('article.detail h2:has-text("Wage account funds diverted")').waitFor();
        expect(await page.locator('article.detail h2').textContent()).toContain(
          '2026-10 · Wage account funds diverted · project P-E-DIVERTED',
        );
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
        expect(await divertedEvidence.locator('[data-testid=basis]').textContent()).toContain('Art. 26');
        expect(await rows.nth(0).locator('td').nth(1).textContent()).toBe('Cash withdrawal');
        await page.screenshot({
          path: resolve(ARTIFACTS, `evidence-diverted-en-${name}.png`),
          fullPage: true,
        });
        await page.click('[data-testid=lang-switch]');
        await page.close();
      }
    },
    TEST_MS,
  );
  it(
    'works on a phone: fits 360 px, the navigation does not wrap, 44 px targets, labelled fields, AA badges',
    async () => {
      await raise(
        (['RED', 'ORANGE', 'YELLOW', 'BLUE'] as const).map((severity) => ({
          projectCode: `P-M-${severity}`,
          regionCode: '350206',
          options: {
            severity,
            month: '2026-09',
            title: `2026年9月 欠薪：1名工人未收到工资（${severity}项目测试用较长的标题文字）`,
          },
        })),
      );
      const red = await alertOf('P-M-RED');
      await alertOf('P-M-BLUE');

      for (const viewport of [{ width: 360, height: 740 }, PHONE, DESKTOP]) {
        const label = `${viewport.width}×${viewport.height}`;
        const page = await newPage(viewport);
        // A wrong password is told in Chinese, not in the server's English.
        await page.goto(`${gateway.url}/`);
        await page.fill('input[name=username]', 'insp-city');
        await page.fill('input[name=password]', 'not-the-password');
        await page.click('button[type=submit]');
        expect(await page.locator('[data-testid=error-message]').textContent()).toBe(
          '用户名或密码错误，请重新输入。',
        );

        await logIn(page, 'insp-city', `#/alerts/${red.id}`);
        await page.locator(`article.detail[data-alert-id="${red.id}"] section.evidence`).waitFor();
        await page.locator('select[name=assignee]:not([disabled])').waitFor();
        const layout = await page.evaluate(inspectLayout);
        // Nothing wider than the screen: no sideways scrolling, the 应发/实发/欠付 columns included.
        expect({ label, scrollWidth: layout.scrollWidth }).toEqual({ label, scrollWidth: layout.innerWidth });
        // The navigation is one row of one-line links.
        expect(layout.navTops).toHaveLength(1);
        expect(Math.max(...layout.navHeights)).toBeLessThanOrEqual(48);
        expect({ label, small: layout.targets }).toEqual({ label, small: [] });
        expect({ label, unlabelled: layout.unlabelled }).toEqual({ label, unlabelled: [] });
        await page.screenshot({ path: resolve(ARTIFACTS, `phone-detail-${label}.png`), fullPage: true });

        // Badges and status words reach 4.5:1 against what they stand on (WCAG AA), from the computed styles.
        await page.goto(`${gateway.url}/#/alerts`);
        await page.locator('ul.alerts li').first().waitFor();
        await page.fill('input[name=month]', '2026-09');
        await page.click('form.filters button[type=submit]');
        await page.locator('li[data-project=P-M-BLUE]').waitFor();
        const list = await page.evaluate(inspectLayout);
        expect({ label, list: true, scrollWidth: list.scrollWidth }).toEqual({
          label,
          list: true,
          scrollWidth: list.innerWidth,
        });
        expect({ label, list: true, small: list.targets }).toEqual({ label, list: true, small: [] });
        expect({ label, list: true, unlabelled: list.unlabelled }).toEqual({
          label,
          list: true,
          unlabelled: [],
        });
        const contrasts = await page.evaluate(() => {
          const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
          const luminance = ([r, g, b]: number[]) => {
            const channel = (c: number) => {
              const s = c / 255;
              return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
            };
            return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
          };
          const background = (el: Element | null): number[] => {
            for (let node = el; node; node = node.parentElement) {
              const [r, g, b, a = 1] = rgb(getComputedStyle(node).backgroundColor);
              if (a > 0) return [r, g, b];
            }
            return [255, 255, 255];
          };
          return Array.from<Element>(
            document.querySelectorAll('.badge, a.alert .status, .timing, [data-count]'),
          ).map((el) => {
            const [fg, bg] = [luminance(rgb(getComputedStyle(el).color)), luminance(background(el))];
            const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
            return {
              what: `${el.className} ${el.textContent?.trim().slice(0, 12)}`,
              ratio: Math.round(ratio * 100) / 100,
            };
          });
        });
        const badges = contrasts.filter((c) => c.what.startsWith('badge sev-'));
        expect(new Set(badges.map((c) => c.what.split(' ')[1]))).toEqual(
          new Set(['sev-RED', 'sev-ORANGE', 'sev-YELLOW', 'sev-BLUE']),
        );
        expect({ label, low: contrasts.filter((c) => c.ratio < 4.5) }).toEqual({ label, low: [] });

        // A fetch that takes time shows that it is loading, and marks the figures it replaces as stale.
        let release: () => void = () => undefined;
        const held = new Promise<void>((resolveHeld) => (release = resolveHeld));
        await page.route('**/api/v1/alerts?*', async (route) => {
          await held;
          await route.continue();
        });
        await page.selectOption('select[name=severity]', 'RED');
        await page.click('form.filters button[type=submit]');
        await page.locator('[data-testid=loading]').waitFor();
        expect(await page.locator('ul.alerts').getAttribute('aria-busy')).toBe('true');
        release();
        await page.locator('[data-testid=loading]').waitFor({ state: 'detached' });
        expect(await page.locator('ul.alerts').getAttribute('aria-busy')).toBe('false');
        await page.unroute('**/api/v1/alerts?*');

        // A server error in the interface's language: an alert that does not exist (or is not the user's).
        await page.goto(`${gateway.url}/#/alerts/${randomUUID()}`);
        await page.locator('.detail-pane [data-testid=error-message]').waitFor();
        expect(await page.locator('.detail-pane [data-testid=error-message]').textContent()).toBe(
          '未找到该记录，或它不在您的辖区内。',
        );
        expect(await page.locator('.detail-pane .notice.error').getAttribute('data-code')).toBe('NOT_FOUND');
        await page.close();
      }
    },
    TEST_MS,
  );
  /** The rows of the first sheet of a downloaded XLSX file, as the cell values exceljs reads. */
  const readXlsx = async (page: Page, click: () => Promise<void>) => {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    const path = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0];
    const rows: ExcelJS.CellValue[][] = [];
    sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
    return { name: download.suggestedFilename(), sheet, rows };
  };

  it(
    'exports the alert list and the coverage table as XLSX, formulas neutralised',
    async () => {
      const formula = '=HYPERLINK("http://example.com/x","点我")';
      await raise([
        { projectCode: 'P-X-FORMULA', regionCode: '350206', options: { severity: 'RED', title: formula } },
        // More than one page of the API's largest (200): the export fetches them all.
        ...Array.from({ length: 210 }, (_, i) => ({
          projectCode: `P-X-${String(i).padStart(3, '0')}`,
          regionCode: '350211',
          options: { severity: 'BLUE', code: 'REAL_NAME_GAP' as const },
        })),
      ]);
      await waitFor(
        async () =>
          (await api<{ total: number }>('/alerts?code=REAL_NAME_GAP&regionCode=350211', adminKey)).body
            .total === 210,
        { description: 'the 210 alerts in the alert service', timeoutMs: 60_000 },
      );
      await alertOf('P-X-FORMULA');
      const cityToken = await tokenOf('insp-city');
      const open = await api<{ total: number }>('/alerts?open=true', cityToken);

      // Coverage of the latest month due: 350203 with 2 projects, 350206 with 1.
      const month = latestDueMonth(new Date());
      const assess = (projectCode: string, regionCode: string, complete: boolean) =>
        envelope('MonthlyAssessmentCompleted', projectCode, {
          projectCode,
          regionCode,
          month,
          status: 'IN_CONSTRUCTION',
          inConstruction: true,
          coverage: {
            realName: true,
            wageAccount: true,
            deposit: complete,
            bankPayroll: complete,
            monthlyFullPayment: complete,
          },
          workersDue: 10,
          workersPaidInFull: complete ? 10 : 0,
          amountDueFen: 5_000_000,
          amountPaidFen: complete ? 5_000_000 : 0,
          evaluatedAt: new Date().toISOString(),
        });
      await kafka.send(Topics.assessment, [
        assess('P-X-C1', '350203', true),
        assess('P-X-C2', '350203', false),
        assess('P-X-C3', '350206', true),
      ]);
      const leaderToken = await tokenOf('lead-city');
      const coverage = await waitFor(
        async () => {
          const answer = await api<{
            projectsInConstruction: number;
            month: string;
            metrics: Record<string, { count: number; of: number; pct: number | null }>;
            children: { regionCode: string; projectsInConstruction: number }[];
          }>('/coverage', leaderToken);
          return answer.body.projectsInConstruction === 3 && answer.body;
        },
        { description: 'the coverage read model to count 3 projects', timeoutMs: 45_000 },
      );

      for (const [name, viewport] of VIEWPORTS) {
        const page = await newPage(viewport);
        await logIn(page, 'insp-city');
        await page.locator('ul.alerts li').first().waitFor();
        const alerts = await readXlsx(page, () => page.click('[data-testid=export]'));
        expect(alerts.name).toMatch(/^预警工作台-\d{4}-\d{2}-\d{2}\.xlsx$/);
        expect(alerts.rows[0]).toEqual([
          '级别',
          '状态',
          '预警类型',
          '标题',
          '项目',
          '辖区代码',
          '辖区',
          '月份',
          '发现时间',
          '升级期限',
          '消除时间',
          '承办人',
          '涉及工人',
          '欠付 (元)',
        ]);
        // Every open alert of the inspector's region, not only the page on screen.
        expect(alerts.rows).toHaveLength(open.body.total + 1);
        expect(open.body.total).toBeGreaterThan(200);
        await page.locator('.export [role=status]:has-text("已导出")').waitFor();
        const row = alerts.rows.find((r) => r[4] === 'P-X-FORMULA')!;
        expect(row.slice(0, 8)).toEqual([
          '红色',
          '待签收',
          '欠薪',
          `'${formula}`,
          'P-X-FORMULA',
          '350206',
          '湖里区',
          '2026-10',
        ]);
        expect(row[13]).toBe(5000);
        // Written as text with its apostrophe, never as a formula.
        const index = alerts.rows.indexOf(row) + 1;
        expect(alerts.sheet.getRow(index).getCell(4).type).toBe(ExcelJS.ValueType.String);

        await page.close();
        const dashboard = await newPage(viewport);
        await logIn(dashboard, 'lead-city', '#/dashboard');
        await dashboard.locator('table.children tr[data-region="350206"]').waitFor();
        const table = await readXlsx(dashboard, () => dashboard.click('[data-testid=export]'));
        expect(table.name).toBe(`制度覆盖率-350200-${coverage.month}.xlsx`);
        expect(table.rows[0].slice(0, 7)).toEqual([
          '辖区代码',
          '辖区',
          '月份',
          '在建项目',
          '实名制 达标项目',
          '实名制 适用项目',
          '实名制 %',
        ]);
        expect(table.rows).toHaveLength(1 + 1 + coverage.children.length);
        expect(table.rows[1].slice(0, 4)).toEqual(['350200', '厦门市', coverage.month, 3]);
        const all = table.rows[0].indexOf('全部制度 %');
        expect(table.rows[1][all]).toBe(coverage.metrics.allSystems.pct);
        const siming = table.rows.find((r) => r[0] === '350203')!;
        expect(siming.slice(1, 4)).toEqual(['思明区', coverage.month, 2]);
        await dashboard.screenshot({
          path: resolve(ARTIFACTS, `coverage-export-${name}.png`),
          fullPage: true,
        });
        await dashboard.close();
      }
    },
    TEST_MS,
  );
  it(
    'administers users, projects, banks and rule parameters, for the administrator only',
    async () => {
      const today = dateInShanghai(new Date());
      const login = (username: string, password: string) =>
        fetch(`${gateway.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username, password }),
        });

      for (const [name, viewport] of VIEWPORTS) {
        const page = await newPage(viewport);
        await logIn(page, 'root-admin');
        await page.locator('header.top nav a:has-text("系统管理")').click();
        await page.locator('table.users tr[data-username=insp-huli]').waitFor();

        // Users: create, disable (no login), enable, reset the password (shown once, and it works), move.
        const username = `new-insp-${name}`;
        const form = page.locator('[data-testid=create-user]');
        await form.getByLabel('用户名').fill(username);
        await form.getByLabel('姓名').fill(`新监察员${name}`);
        await form.getByLabel('角色').selectOption('INSPECTOR');
        await form.getByLabel('辖区代码').fill('350206');
        await form.getByLabel('密码').fill(PASSWORD);
        await form.locator('button[type=submit]').click();
        const row = page.locator(`table.users tr[data-username="${username}"]`);
        await row.waitFor();
        expect(await row.textContent()).toContain('湖里区');
        await row.locator('button', { hasText: '停用' }).click();
        await page.locator(`table.users tr[data-username="${username}"][data-disabled=true]`).waitFor();
        expect((await login(username, PASSWORD)).status).toBe(401);
        await row.locator('button', { hasText: '启用' }).click();
        await page.locator(`table.users tr[data-username="${username}"][data-disabled=false]`).waitFor();
        expect((await login(username, PASSWORD)).status).toBe(200);
        await row.locator('button', { hasText: '重置密码' }).click();
        const secret = (await page.locator('[data-testid=secret]').textContent())!;
        expect(secret).toMatch(/^[A-Za-z0-9]{20}$/);
        expect((await login(username, PASSWORD)).status).toBe(401);
        expect((await login(username, secret)).status).toBe(200);
        await row.locator('button', { hasText: '修改' }).click();
        await row.locator('.inline-edit').getByLabel('角色').selectOption('LEADER');
        await row.locator('.inline-edit').getByLabel('辖区代码').fill('350200');
        await row.locator('.inline-edit button[type=submit]').click();
        await page.locator(`table.users tr[data-username="${username}"]:has-text("厦门市")`).waitFor();
        const listed = await api<{ items: { username: string; role: string; regionCode: string }[] }>(
          '/users?role=LEADER',
          adminKey,
        );
        expect(listed.body.items.find((u) => u.username === username)).toMatchObject({
          regionCode: '350200',
        });
        await page.screenshot({ path: resolve(ARTIFACTS, `admin-users-${name}.png`), fullPage: true });

        // Projects: register (the key shown once, and it is the project's), then stop work.
        await page.locator('nav.tabs a:has-text("项目")').click();
        const project = page.locator('[data-testid=register-project]');
        const code = `P-ADM-${name.toUpperCase()}`;
        await project.getByLabel('项目编号').fill(code);
        await project.getByLabel('项目名称').fill('海沧区新垵村安置房二期工程');
        await project.getByLabel('辖区代码').fill('350206');
        await project.getByLabel('施工总承包单位').fill('福建海建建设集团有限公司');
        await project.getByLabel('总包单位统一社会信用代码').fill('91350206MA31XM5K8N');
        await project.getByLabel('建设单位').fill('厦门市海沧区城市建设开发有限公司');
        await project.getByLabel('合同金额（元）').fill('128000000.00');
        await project.getByLabel('开工日期').fill('2026-11-01');
        await project.locator('button[type=submit]').click();
        const projectKey = (await page.locator('[data-testid=secret]').textContent())!;
        expect(projectKey).toMatch(/^wgp_/);
        expect((await api<{ code: string }>(`/projects/${code}`, projectKey)).body.code).toBe(code);
        const status = page.locator('[data-testid=project-status]');
        await status.getByLabel('项目编号').fill(code);
        await status.getByLabel('状态').selectOption('SUSPENDED');
        await status.getByLabel('生效日期').fill(today);
        await status.getByLabel('原因').fill('停工整改');
        await status.locator('button[type=submit]').click();
        await page.locator('.notice.ok:has-text("停工")').waitFor();
        expect((await api<{ status: string }>(`/projects/${code}`, adminKey)).body.status).toBe('SUSPENDED');
        await page.screenshot({ path: resolve(ARTIFACTS, `admin-projects-${name}.png`), fullPage: true });

        // Banks: register, the key shown once.
        await page.locator('nav.tabs a:has-text("银行")').click();
        const bank = page.locator('[data-testid=register-bank]');
        await bank.getByLabel('银行编码').fill(`ICBC-XM-${name.toUpperCase()}`);
        await bank.getByLabel('银行名称').fill('中国工商银行厦门分行');
        await bank.locator('button[type=submit]').click();
        expect(await page.locator('[data-testid=secret]').textContent()).toMatch(/^wgb_/);

        // Rule parameters of a region, with where each comes from; a new version from a date.
        await page.locator('nav.tabs a:has-text("规则参数")').click();
        const region = name === 'phone' ? '350203' : '350206';
        await page.getByLabel('辖区代码').first().fill(region);
        await page.locator('button', { hasText: '查看' }).click();
        const grace = page.locator('table.rules tr[data-parameter="WAGE_ARREARS.graceDays"]');
        await grace.locator('td.source:has-text("国家默认")').waitFor();
        const set = page.locator('[data-testid=set-parameter]');
        await set.getByLabel('参数').selectOption('WAGE_ARREARS.graceDays');
        await set.getByLabel('取值').fill('3');
        await set.getByLabel('生效日期').fill(today);
        await set.locator('button[type=submit]').click();
        await grace.locator(`td.source:has-text("自 ${today}")`).waitFor();
        expect(await grace.locator('td.value').textContent()).toContain('3');
        const catalogue = await api<{
          rules: { code: string; parameters: { name: string; value: number; source: { kind: string } }[] }[];
        }>(`/rules?regionCode=${region}`, adminKey);
        const wageArrears = catalogue.body.rules.find((r) => r.code === 'WAGE_ARREARS')!;
        expect(wageArrears.parameters.find((p) => p.name === 'graceDays')).toMatchObject({
          value: 3,
          source: { kind: 'OVERRIDE' },
        });
        const layout = await page.evaluate(inspectLayout);
        expect({ name, scrollWidth: layout.scrollWidth }).toEqual({ name, scrollWidth: layout.innerWidth });
        await page.screenshot({ path: resolve(ARTIFACTS, `admin-rules-${name}.png`), fullPage: true });
        await page.close();
      }

      // Not for anyone else: an inspector has no link, and the page says it is for administrators.
      const inspector = await newPage(PHONE);
      await logIn(inspector, 'insp-city', '#/admin/users');
      await inspector.locator('text=只有管理员可以使用系统管理。').waitFor();
      expect(await inspector.locator('header.top nav a:has-text("系统管理")').count()).toBe(0);
      expect((await api('/users', await tokenOf('insp-city'))).status).toBe(403);
      await inspector.close();
    },
    TEST_MS,
  );
});
