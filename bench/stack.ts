import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Kafka, logLevel } from 'kafkajs';
import Redis from 'ioredis';
import { Pool } from 'pg';
import { SMTPServer } from 'smtp-server';
import { migrate } from '@wage/platform';
import { LOCAL_INFRA, startServiceProcess, testSecrets, type ServiceProcess } from '@wage/testing';
import { TEST_TEMPLATE_SCHEMAS, PLATFORM_TEST_SCHEMA } from '../libs/testing/src/service-databases';
import { log, sleep } from './stats';

const SERVICES = [
  'roster-service',
  'wage-account-service',
  'rules-engine',
  'alert-service',
  'report-service',
  'enforcement-service',
];

/** One private copy of the platform: its own database, topic prefix, BullMQ prefix and secrets, on free ports. */
export interface Stack {
  gateway: string;
  services: Record<string, ServiceProcess>;
  adminKey: string;
  pg: Pool;
  databaseName: string;
  env: Record<string, string>;
  /** When each e-mail reached the stack's SMTP server (performance.now()), and to whom. */
  mail: { at: number; to: string[]; digest: string }[];
  /** Starts one more instance of each named service (same settings and consumer groups); their names. */
  addInstances(names: string[]): Promise<string[]>;
  /** Each service's peak resident memory so far (VmHWM), in MiB. */
  peakRssMiB(): Record<string, number>;
  /** CPU seconds (user + system) each service, PostgreSQL (every backend, exited ones too) and Kafka have used so far. */
  cpuSeconds(): Record<string, number>;
  stop(): Promise<void>;
}

/** A local SMTP server that accepts every message and notes when it arrived: the e-mail fan-out's receiver. */
async function startMailReceiver(mail: Stack['mail']): Promise<{ port: number; close(): Promise<void> }> {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address);
      // Headers aside (Message-ID and Date differ per attempt), the same text to the same inbox is a duplicate.
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const body = raw.slice(Math.max(0, raw.search(/\r?\n\r?\n/)));
        const subject = /^subject:.*$/im.exec(raw)?.[0] ?? '';
        const digest = createHash('sha256')
          .update(`${to.join(',')}\n${subject}\n${body}`)
          .digest('hex');
        mail.push({ at: performance.now(), to, digest });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}

function peakRssMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib === undefined ? undefined : Math.round(Number(kib) / 1024);
  } catch {
    return undefined;
  }
}

const TICKS_PER_SECOND = 100;

/** A process's /proc stat fields after its name: [state, ppid, …]; utime and stime are fields 14 and 15. */
function procStat(pid: number | string): string[] | undefined {
  const stat = procFile(pid, 'stat');
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** utime + stime, and with `reaped` the children's it has waited for (cutime + cstime), in seconds. */
function processCpu(fields: string[], reaped = false): number {
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
  return (utime + stime + (reaped ? cutime + cstime : 0)) / TICKS_PER_SECOND;
}

/**
 * PostgreSQL's and Kafka's CPU: every live process whose command is `postgres` (and the postmaster's exited
 * children), and the JVM running `kafka.Kafka`. The bench machine runs nothing else of either.
 */
function infraCpuSeconds(): Record<string, number> {
  let postgres = 0;
  let kafka = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const comm = procFile(pid, 'comm')?.trim();
    const isPostgres = comm === 'postgres';
    if (!isPostgres && !(comm === 'java' && procFile(pid, 'cmdline')?.includes('kafka.Kafka'))) continue;
    const fields = procStat(pid);
    if (!fields) continue;
    // The postmaster is the postgres process whose parent is not postgres; it has reaped every exited backend.
    if (isPostgres) postgres += processCpu(fields, procFile(fields[1], 'comm')?.trim() !== 'postgres');
    else kafka += processCpu(fields);
  }
  return { postgres, kafka };
}

/** A file of /proc/<pid>, or undefined once the process has gone. */
function procFile(pid: number | string, name: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${name}`, 'utf8');
  } catch {
    return undefined;
  }
}

function infra() {
  return {
    postgresUrl: process.env.BENCH_POSTGRES_URL ?? LOCAL_INFRA.postgresUrl,
    redisUrl: process.env.BENCH_REDIS_URL ?? LOCAL_INFRA.redisUrl,
    kafkaBrokers: (process.env.BENCH_KAFKA_BROKERS ?? LOCAL_INFRA.kafkaBrokers.join(',')).split(','),
  };
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** `overrides`: settings of every service that differ from the benchmarks' (e.g. a settle period). */
export async function startStack(overrides: Record<string, string> = {}): Promise<Stack> {
  const { postgresUrl, redisUrl, kafkaBrokers } = infra();
  const id = randomBytes(4).toString('hex');
  const databaseName = `wage_bench_${id}`;
  const server = new Pool({ connectionString: postgresUrl, max: 1 });
  await server.query(`CREATE DATABASE "${databaseName}"`);
  const url = databaseUrl(postgresUrl, databaseName);
  const started: ServiceProcess[] = [];
  const topicPrefix = `bench-${id}.`;
  const bullmqPrefix = `bench-${id}`;
  const mail: Stack['mail'] = [];
  const mailReceiver = await startMailReceiver(mail);
  const stop = async () => {
    await Promise.allSettled(started.reverse().map((service) => service.stop()));
    await mailReceiver.close();
    await pg.end().catch(() => undefined);
    await server.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`).catch(() => undefined);
    await server.end();
    await deleteTopics(kafkaBrokers, topicPrefix).catch((e) => log(`could not delete topics: ${e}`));
    await deleteRedisKeys(redisUrl, bullmqPrefix).catch((e) => log(`could not delete Redis keys: ${e}`));
  };
  const pg = new Pool({ connectionString: url, max: 4 });
  try {
    for (const settings of TEST_TEMPLATE_SCHEMAS.filter((s) => s.schema !== PLATFORM_TEST_SCHEMA))
      await migrate({ ...settings, url });
    const env: Record<string, string> = {
      DATABASE_URL: url,
      REDIS_URL: redisUrl,
      KAFKA_BROKERS: kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      BULLMQ_PREFIX: bullmqPrefix,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      // Nothing scheduled may run inside a measurement: the sweep is started by the benchmark itself.
      EVALUATION_SCHEDULE: '0 0 1 1 *',
      JOB_SCHEDULES_ENABLED: 'false',
      // The fan-out benchmark's receiver listens on this machine.
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      // The sweep benchmark's first run raises what it finds, as the month-close does once verdicts have settled.
      ALERT_SETTLE_SECONDS: '0',
      GATEWAY_RATE_LIMIT_PER_MINUTE: '1000000',
      // The e-mail fan-out's receiver; the platform's default rate (20/s) protects a shared relay, not this one.
      SMTP_URL: `smtp://127.0.0.1:${mailReceiver.port}`,
      NOTIFY_EMAIL_PER_SECOND: process.env.BENCH_NOTIFY_EMAIL_PER_SECOND ?? '2000',
      ...(process.env.BENCH_NOTIFY_CONCURRENCY && {
        NOTIFY_CONCURRENCY: process.env.BENCH_NOTIFY_CONCURRENCY,
      }),
      ...testSecrets(),
      ...overrides,
    };
    const services: Record<string, ServiceProcess> = {};
    const startService = async (name: string) => {
      const extra = process.env[`BENCH_NODE_OPTIONS_${name.replace(/-/g, '_').toUpperCase()}`];
      const profile = extra &&
        process.env.BENCH_CPU_PROFILE_DIR && {
          BENCH_CPU_PROFILE_DIR: `${process.env.BENCH_CPU_PROFILE_DIR}/${name}`,
        };
      const service = await startServiceProcess(name, {
        ...env,
        ...(extra && { NODE_OPTIONS: extra }),
        ...profile,
      });
      started.push(service);
      return service;
    };
    for (const name of SERVICES) services[name] = await startService(name);
    const addInstances = async (names: string[]) => {
      const added: string[] = [];
      for (const name of names) {
        let n = 2;
        while (services[`${name}#${n}`]) n += 1;
        services[`${name}#${n}`] = await startService(name);
        added.push(`${name}#${n}`);
      }
      return added;
    };
    const gateway = await startServiceProcess('gateway', {
      ...env,
      ROSTER_SERVICE_URL: services['roster-service'].url,
      WAGE_ACCOUNT_SERVICE_URL: services['wage-account-service'].url,
      RULES_ENGINE_URL: services['rules-engine'].url,
      ALERT_SERVICE_URL: services['alert-service'].url,
      REPORT_SERVICE_URL: services['report-service'].url,
      ENFORCEMENT_SERVICE_URL: services['enforcement-service'].url,
    });
    started.push(gateway);
    services.gateway = gateway;
    log(`stack up: database ${databaseName}, topics ${topicPrefix}*, gateway ${gateway.url}`);
    const peak = () =>
      Object.fromEntries(
        Object.entries(services).flatMap(([name, service]) => {
          const mib = peakRssMiB(service.pid());
          return mib === undefined ? [] : [[name, mib]];
        }),
      );
    const cpuSeconds = () => {
      const all: Record<string, number> = {};
      for (const [name, service] of Object.entries(services)) {
        const pid = service.pid();
        const fields = pid === undefined ? undefined : procStat(pid);
        if (fields) all[name] = processCpu(fields);
      }
      return { ...all, ...infraCpuSeconds() };
    };
    return {
      gateway: gateway.url,
      services,
      adminKey: env.ADMIN_API_KEY,
      pg,
      databaseName,
      env,
      mail,
      addInstances,
      peakRssMiB: peak,
      cpuSeconds,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function deleteTopics(brokers: string[], prefix: string): Promise<void> {
  const admin = new Kafka({ brokers, clientId: 'bench-cleanup', logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what} answered ${status}: ${body.slice(0, 500)}`);
  }
}

/** A JSON call; `body` may already be a string (payloads are serialised before the clock starts). */
export async function api<T = unknown>(
  base: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new ApiError(response.status, text, `${method} ${path}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Repeats a call that depends on an event not yet consumed (e.g. PROJECT_NOT_REGISTERED), for up to 30 s. */
export async function apiEventually<T = unknown>(...args: Parameters<typeof api>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await api<T>(...args);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status >= 500 || Date.now() > deadline) throw error;
      if (!/NOT_REGISTERED|NOT_FOUND|UNKNOWN/i.test(error.body)) throw error;
      await sleep(200);
    }
  }
}
