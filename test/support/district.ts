import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { SimulationResult } from '../../apps/simulator/src/simulation';
import {
  BACKEND_URL_VARIABLES,
  createTestDatabase,
  freePort,
  startServiceProcess,
  testInfra,
  testSecrets,
  testTopicPrefix,
  waitFor,
  type ServiceProcess,
  type TestDatabase,
} from '@wage/testing';

const BACKENDS = BACKEND_URL_VARIABLES;

export interface DistrictOptions {
  /** The settle period of absence verdicts in seconds. */
  settleSeconds: number;
  /** How many instances of a service to run (one consumer group each, as replicas in k8s); one by default. */
  replicas?: Partial<Record<keyof typeof BACKENDS, number>>;
}

/** Every service as real processes on a database and topic prefix of this test's own, with a mail catcher. */
export interface District {
  database: TestDatabase;
  secrets: ReturnType<typeof testSecrets>;
  topicPrefix: string;
  /** Every process, replicas included; the gateway last. */
  running: ServiceProcess[];
  gateway: ServiceProcess;
  /** The mail catcher's web origin. */
  mailWeb: string;
  /** The district inspector's username (region 350206, e-mail at the catcher). */
  inspector: string;
  stop(): Promise<void>;
}

/**
 * Starts the platform for a simulated district: every backend (as many instances as `replicas` asks for, each
 * after the services it reads from), the gateway in front of the first instance of each, a mail catcher, and the
 * district's inspector, who is notified of every alert of 350206.
 */
export async function startDistrict({ settleSeconds, replicas = {} }: DistrictOptions): Promise<District> {
  const database = await createTestDatabase();
  const infra = testInfra();
  const secrets = testSecrets();
  const topicPrefix = testTopicPrefix();
  const [smtpPort, mailWebPort] = [await freePort(), await freePort()];
  const mailCatcher: ChildProcess = spawn(
    process.execPath,
    [resolve(__dirname, '../../scripts/mail-catcher.mjs'), String(smtpPort), String(mailWebPort)],
    { stdio: 'ignore' },
  );
  const mailWeb = `http://127.0.0.1:${mailWebPort}`;
  await waitFor(async () => (await fetch(`${mailWeb}/api/mails`).catch(() => undefined))?.ok === true, {
    description: 'the mail catcher to listen',
    timeoutMs: 10_000,
    intervalMs: 100,
  });
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: infra.redisUrl,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: topicPrefix,
    BULLMQ_PREFIX: `district-${randomBytes(4).toString('hex')}`,
    ...secrets,
  };
  const extra: Record<string, Record<string, string>> = {
    'rules-engine': { ALERT_SETTLE_SECONDS: String(settleSeconds) },
    // Mail goes to this test's own catcher; no scheduled sweeps or digests during the test.
    'alert-service': {
      WEBHOOK_SIGNING_SECRET: randomBytes(32).toString('base64'),
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      NOTIFY_ATTEMPTS: '2',
      NOTIFY_BACKOFF_MS: '500',
      JOB_SCHEDULES_ENABLED: 'false',
    },
  };
  const running: ServiceProcess[] = [];
  const first = (name: string) => running.find((service) => service.name === name);
  for (const name of Object.keys(BACKENDS) as (keyof typeof BACKENDS)[]) {
    const upstream: Record<string, string> =
      name === 'enforcement-service' ? { ALERT_SERVICE_URL: first('alert-service')!.url } : {};
    for (let instance = 0; instance < (replicas[name] ?? 1); instance++)
      running.push(await startServiceProcess(name, { ...env, ...extra[name], ...upstream }));
  }
  const upstreams = Object.fromEntries(
    (Object.keys(BACKENDS) as (keyof typeof BACKENDS)[]).map((name) => [BACKENDS[name], first(name)!.url]),
  );
  const gateway = await startServiceProcess('gateway', { ...secrets, ...upstreams });
  running.push(gateway);

  const inspector = `inspector-${randomBytes(3).toString('hex')}`;
  const created = await fetch(`${gateway.url}/api/v1/users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secrets.ADMIN_API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      username: inspector,
      password: 'e2e-inspector-password',
      role: 'INSPECTOR',
      regionCode: '350206',
      displayName: '思明区监察员',
      email: 'inspector@e2e.local',
    }),
  });
  if (created.status !== 201) throw new Error(`the district's inspector was not created: ${created.status}`);

  return {
    database,
    secrets,
    topicPrefix,
    running,
    gateway,
    mailWeb,
    inspector,
    stop: async () => {
      await Promise.all(running.map((service) => service.stop()));
      mailCatcher.kill('SIGTERM');
      await database.drop();
    },
  };
}

/**
 * What inspectors were shown equals the simulator's ground truth: every injected violation found with its code and
 * severity, and no alert outside it at any moment (cleared, resolved or dismissed ones included: an alert inspectors
 * saw for a while is still a false alert).
 */
export function expectTheGroundTruth(result: SimulationResult): void {
  const comparison = result.comparison!;
  expect(comparison.missed).toEqual([]);
  expect(comparison.severityMismatches).toEqual([]);
  expect(comparison.matched).toBe(comparison.expected);
  expect(comparison.falseAlerts).toEqual([]);
  expect(comparison.raisedFalse).toBe(0);
}
