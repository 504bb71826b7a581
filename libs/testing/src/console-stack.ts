import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import pino from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';
import { KafkaClient } from '@wage/platform';
import { BACKEND_URL_VARIABLES, type BackendName } from './callers';
import { createTestDatabase, type TestDatabase } from './database';
import { testInfra } from './infra';
import { testSecrets } from './service-env';
import { startServiceProcess, type ServiceProcess } from './service-process';
import { testTopicPrefix } from './kafka';

/**
 * The set-up of the browser tests of the built consoles (test/*-console.e2e-spec.ts, test/worker-portal.e2e-spec.ts):
 * a database, the Kafka topics, the backend services a test needs and the gateway serving the built console, all as
 * real processes, and a headless Chromium. Import it as `@wage/testing/console-stack` (it loads playwright, which
 * the other tests need not).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = resolve(__dirname, '../../../test/artifacts');
/** What the gateway points a service the test does not start at: a closed port rather than anyone's. */
export const NOWHERE = 'http://127.0.0.1:9';

const DIST = resolve(__dirname, '../../../dist/apps');

/** alert-service as a browser test wants it: no scheduled jobs, and an alert shown as soon as it is raised. */
export const ALERTS_AT_ONCE: Readonly<Record<string, string>> = {
  JOB_SCHEDULES_ENABLED: 'false',
  ALERT_SETTLE_SECONDS: '0',
};
/** Chromium without its background traffic (component updates, sync, first-run pages). */
export const QUIET_BROWSER: readonly string[] = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ConsoleStackOptions {
  /** The backend services to start, in this order; the gateway reaches every other one at NOWHERE. */
  services: readonly BackendName[];
  /** The topics the test publishes to, created before the services start. */
  topics?: readonly string[];
  /** The Kafka client id of the test's own producer. */
  clientId: string;
  /** Variables for every service (the gateway included), beyond the database, Redis, Kafka and the secrets. */
  env?: Record<string, string>;
  /** A service's own variables, given the URLs of the services started before it. */
  serviceEnv?: (
    name: BackendName,
    started: Partial<Record<BackendName, string>>,
  ) => Record<string, string | undefined>;
  /** The built app the gateway serves at `/`: the web console (the default) or the workers' portal. */
  app?: 'web-console' | 'worker-portal';
  /** The gateway's own variables beyond the services' URLs and CONSOLE_DIR. */
  gatewayEnv?: Record<string, string>;
  /** Chromium's arguments beyond --no-sandbox --disable-gpu. */
  browserArgs?: readonly string[];
}

export interface ConsoleStack {
  gateway: ServiceProcess;
  /** The services started, by name (the gateway last). */
  running: ServiceProcess[];
  database: TestDatabase;
  kafka: KafkaClient;
  secrets: ReturnType<typeof testSecrets>;
  /** The variables every service was given. */
  env: Record<string, string>;
  browser: Browser;
  /** The directory the built app is served from. */
  appDir: string;
  /** A new page of the browser; a test that signs its own token passes it, and the console starts signed in. */
  newPage(options?: {
    viewport?: { width: number; height: number };
    locale?: string;
    token?: string;
  }): Promise<Page>;
  /** Signs in through the console's login form, as a person does, on the page at `path` (e.g. `#/alerts/<id>`). */
  logIn(page: Page, username: string, password: string, path?: string): Promise<void>;
  /** Stops the browser and every process, closes Kafka and drops the database. */
  stop(): Promise<void>;
}

/** The console keeps its session here (apps/web-console/src/main.tsx). */
const SESSION_KEY = 'wage-console.token';

export async function startConsoleStack(options: ConsoleStackOptions): Promise<ConsoleStack> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set ` +
        'CHROMIUM_PATH; the console tests need a real browser and are not skipped without one',
    );
  }
  const appDir = resolve(DIST, options.app ?? 'web-console');
  if (!existsSync(resolve(appDir, 'index.html')))
    throw new Error(`${appDir}/index.html does not exist: run \`npm run build\` first`);
  mkdirSync(ARTIFACTS, { recursive: true });

  const database = await createTestDatabase();
  const running: ServiceProcess[] = [];
  let kafka: KafkaClient | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    await Promise.all(running.map((service) => service.stop()));
    await kafka?.close();
    await database.drop();
  };
  try {
    const infra = testInfra();
    const secrets = testSecrets();
    const topicPrefix = testTopicPrefix();
    const env: Record<string, string> = {
      DATABASE_URL: database.url,
      REDIS_URL: infra.redisUrl,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      BULLMQ_PREFIX: `test-${randomBytes(4).toString('hex')}`,
      ...secrets,
      ...options.env,
    };
    kafka = new KafkaClient({
      brokers: infra.kafkaBrokers,
      clientId: options.clientId,
      topicPrefix,
      logger: pino({ level: 'silent' }),
    });
    if (options.topics?.length) await kafka.ensureTopics([...options.topics]);

    const started: Partial<Record<BackendName, string>> = {};
    for (const name of options.services) {
      const own = Object.entries(options.serviceEnv?.(name, { ...started }) ?? {}).filter(
        (entry): entry is [string, string] => entry[1] !== undefined,
      );
      const service = await startServiceProcess(name, { ...env, ...Object.fromEntries(own) });
      running.push(service);
      started[name] = service.url;
    }
    const urls = Object.fromEntries(
      (Object.keys(BACKEND_URL_VARIABLES) as BackendName[]).map((name) => [
        BACKEND_URL_VARIABLES[name],
        started[name] ?? NOWHERE,
      ]),
    );
    const gateway = await startServiceProcess('gateway', {
      ...env,
      ...urls,
      [options.app === 'worker-portal' ? 'WORKER_PORTAL_DIR' : 'CONSOLE_DIR']: appDir,
      ...options.gatewayEnv,
    });
    running.push(gateway);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', ...(options.browserArgs ?? [])],
    });
    const opened = browser;
    return {
      gateway,
      running,
      database,
      kafka,
      secrets,
      env,
      browser: opened,
      appDir,
      newPage: async ({ viewport, locale = 'zh-CN', token } = {}) => {
        const page = await opened.newPage({ locale, ...(viewport && { viewport }) });
        page.on('pageerror', (error) => console.error(`browser error: ${error.message}`));
        if (token)
          await page.addInitScript(`sessionStorage.setItem('${SESSION_KEY}', ${JSON.stringify(token)})`);
        return page;
      },
      logIn: async (page, username, password, path = '') => {
        await page.goto(`${gateway.url}/${path}`);
        await page.fill('input[name=username]', username);
        await page.fill('input[name=password]', password);
        await page.click('button[type=submit]');
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
