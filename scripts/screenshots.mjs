#!/usr/bin/env node
// Renews the README's screenshots from a running demo (`npm run demo` in another terminal, then
// `node scripts/screenshots.mjs`). Real Chromium (Debian's, or CHROMIUM_PATH) at a desktop and a phone size:
//   docs/images/dashboard.png, workbench.png      — 1440×900, leader and inspector
//   docs/images/dashboard-phone.png, alert-phone.png — 390×844, the dashboard and one alert's evidence
// CONSOLE_URL (default http://127.0.0.1:8080) and the demo's logins can be overridden from the environment.
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(ROOT, 'docs/images');
const CONSOLE_URL = process.env.CONSOLE_URL ?? 'http://127.0.0.1:8080';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LOGINS = {
  leader: ['leader', process.env.DEMO_LEADER_PASSWORD ?? 'demo-leader-password'],
  inspector: ['inspector', process.env.DEMO_INSPECTOR_PASSWORD ?? 'demo-inspector-password'],
};
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

if (!existsSync(CHROMIUM)) {
  console.error(`screenshots: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--lang=zh-CN'],
});
try {
  const open = async (who, viewport) => {
    const page = await browser.newPage({ viewport, locale: 'zh-CN', deviceScaleFactor: 1 });
    await page.goto(`${CONSOLE_URL}/`);
    await page.fill('input[name=username]', LOGINS[who][0]);
    await page.fill('input[name=password]', LOGINS[who][1]);
    await page.click('button[type=submit]');
    await page.waitForSelector('header.top');
    return page;
  };
  // The figures and tables arrive after the frame: wait until nothing is loading any more.
  const settled = async (page) => {
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(
      () => !document.querySelector('[aria-busy=true], [data-testid=loading]'),
      null,
      {
        timeout: 30_000,
      },
    );
  };
  // `tall`: the page from its top down to that many pixels (an alert with 34 workers runs to several screens).
  const shoot = async (page, name, tall = 0) => {
    const path = resolve(OUT, name);
    const { width } = page.viewportSize();
    await page.screenshot(
      tall ? { path, fullPage: true, clip: { x: 0, y: 0, width, height: tall } } : { path },
    );
    console.log(`screenshots: ${path}`);
  };

  const dashboard = await open('leader', DESKTOP);
  await settled(dashboard);
  await shoot(dashboard, 'dashboard.png');

  const workbench = await open('inspector', DESKTOP);
  await workbench.goto(`${CONSOLE_URL}/#/alerts`);
  await settled(workbench);
  // An unpaid-wages alert shows the evidence best: the workers owed, the deadline, the legal basis.
  const arrears = workbench.locator('ul.alerts li[data-status=OPEN] a', { hasText: '欠薪' }).first();
  const pick = (await arrears.count()) > 0 ? arrears : workbench.locator('ul.alerts li a').first();
  await pick.click();
  await settled(workbench);
  await shoot(workbench, 'workbench.png');

  const phoneDashboard = await open('leader', PHONE);
  await settled(phoneDashboard);
  await shoot(phoneDashboard, 'dashboard-phone.png');

  const phoneAlert = await open('inspector', PHONE);
  const href = await workbench.evaluate(() => location.hash);
  await phoneAlert.goto(`${CONSOLE_URL}/${href}`);
  await settled(phoneAlert);
  await shoot(phoneAlert, 'alert-phone.png', 1800);
} finally {
  await browser.close();
}
