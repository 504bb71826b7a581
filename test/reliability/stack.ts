import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { projectRegistration } from '../../apps/simulator/src/push';
import type { DistrictPlan, PlannedProject } from '../../apps/simulator/src/plan';
import {
  BACKEND_URL_VARIABLES,
  createTestDatabase,
  startServiceProcess,
  testInfra,
  testSecrets,
  testTopicPrefix,
  waitFor,
  type ServiceProcess,
  type TestDatabase,
} from '@wage/testing';

export const BACKENDS = BACKEND_URL_VARIABLES;

export interface Answer {
  status: number;
  text: string;
  body: { error?: unknown; message?: unknown } & Record<string, unknown>;
}

/** Every service as a real process on a database, topic prefix and BullMQ prefix of this test file's own. */
export interface Stack {
  database: TestDatabase;
  secrets: ReturnType<typeof testSecrets>;
  topicPrefix: string;
  bullmqPrefix: string;
  env: Record<string, string>;
  services: ServiceProcess[];
  gateway: ServiceProcess;
  call(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer>;
  /** Sends a raw body as it is, for malformed JSON and wrong content types. */
  raw(
    method: string,
    path: string,
    token: string,
    body: string | Buffer,
    contentType: string,
  ): Promise<Answer>;
  /** Row counts of every table a request can write (roster, wage accounts, casework, alert-service users). */
  counts(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

const WRITTEN_BY_REQUESTS = ['roster', 'wage_account', 'enforcement'];

export interface StackOptions {
  /** Extra environment of the gateway (e.g. a rate limit). */
  gatewayEnv?: Record<string, string>;
  /** Overrides of the services' environment (e.g. KAFKA_BROKERS of a disposable broker a fault test stops). */
  serviceEnv?: Record<string, string>;
  /** A database of the caller's (already migrated) instead of a clone of the test template. */
  database?: TestDatabase;
}

export async function startStack({
  gatewayEnv = {},
  serviceEnv = {},
  database: given,
}: StackOptions = {}): Promise<Stack> {
  const database = given ?? (await createTestDatabase());
  const infra = testInfra();
  const secrets = testSecrets();
  const topicPrefix = testTopicPrefix();
  const bullmqPrefix = `rel-${randomBytes(4).toString('hex')}`;
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: infra.redisUrl,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: topicPrefix,
    BULLMQ_PREFIX: bullmqPrefix,
    ...secrets,
    // Nothing listens for mail or webhooks here: one attempt each, and no scheduled sweeps during the test.
    NOTIFY_ATTEMPTS: '1',
    // The fault suites' slow receivers listen on this machine: allow-listed as an administrator would.
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    JOB_SCHEDULES_ENABLED: 'false',
    // The fault and security suites compare what stands after each fault with the truth; absence verdicts raise at
    // once here (the settle period has tests of its own in rules-engine and in the simulator's end-to-end test).
    ALERT_SETTLE_SECONDS: '0',
    ...serviceEnv,
  };
  const services: ServiceProcess[] = [];
  const urlsOf = () =>
    Object.fromEntries(services.map((s) => [BACKENDS[s.name as keyof typeof BACKENDS], s.url]));
  // Each service knows the URLs of those started before it: enforcement-service reads alerts from alert-service.
  for (const name of Object.keys(BACKENDS))
    services.push(await startServiceProcess(name, { ...urlsOf(), ...env }));
  const upstreams = urlsOf();
  const gateway = await startServiceProcess('gateway', { ...secrets, ...upstreams, ...gatewayEnv });
  services.push(gateway);

  const answer = async (response: Response): Promise<Answer> => {
    const text = await response.text();
    let body: Answer['body'] = {};
    try {
      body = text ? (JSON.parse(text) as Answer['body']) : {};
    } catch {
      body = {};
    }
    return { status: response.status, text, body };
  };

  return {
    database,
    secrets,
    topicPrefix,
    bullmqPrefix,
    env,
    services,
    gateway,
    call: async (method, path, token, body, headers = {}) =>
      answer(
        await fetch(`${gateway.url}/api/v1${path}`, {
          method,
          headers: {
            ...(token !== undefined && { authorization: `Bearer ${token}` }),
            ...(body !== undefined && { 'content-type': 'application/json' }),
            ...headers,
          },
          ...(body !== undefined && { body: JSON.stringify(body) }),
        }),
      ),
    raw: async (method, path, token, body, contentType) =>
      answer(
        await fetch(`${gateway.url}/api/v1${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
          body,
        }),
      ),
    counts: async () => {
      // A connection per call: one held open for the whole file would die with a database a fault test restarts.
      const pg = new Client({ connectionString: database.url });
      pg.on('error', () => undefined); // a restart mid-query rejects the query; it must not end the test process
      await pg.connect();
      try {
        const { rows } = await pg.query<{ schema: string; name: string }>(
          `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
          WHERE table_type = 'BASE TABLE'
            AND (table_schema = ANY($1) OR table_name IN ('users', 'rule_overrides'))
            -- written by consumers and the relay in the background, not by requests
            AND table_name NOT IN ('outbox_events', 'processed_events', 'migrations')
            AND NOT (table_schema IN ('wage_account', 'enforcement') AND table_name = 'projects')
            -- copies of other services' events: enforcement-service's rolls, cards, accounts and alerts, and
            -- roster-service's payroll payments for workers' own months
            AND NOT (table_schema = 'enforcement'
                     AND table_name IN ('roll_entries', 'worker_cards', 'wage_accounts', 'alert_record'))
            AND NOT (table_schema = 'roster' AND table_name = 'worker_payments')`,
          [WRITTEN_BY_REQUESTS],
        );
        const counts: Record<string, number> = {};
        for (const { schema, name } of rows) {
          const result = await pg.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}"."${name}"`);
          counts[`${schema}.${name}`] = Number(result.rows[0].n);
        }
        return counts;
      } finally {
        await pg.end().catch(() => undefined);
      }
    },
    stop: async () => {
      await Promise.all(services.map((s) => s.stop()));
      await database.drop();
    },
  };
}

/** Calls until the answer is not a retryable one (an event that has not reached the service yet). */
export function callUntil(
  stack: Stack,
  method: string,
  path: string,
  token: string,
  body: unknown,
  done: (a: Answer) => boolean,
): Promise<Answer> {
  let last: Answer | undefined;
  return waitFor(
    async () => {
      last = await stack.call(method, path, token, body);
      return done(last) && last;
    },
    {
      description: `${method} ${path} to succeed (last: ${last?.status} ${last?.text.slice(0, 200)})`,
      timeoutMs: 30_000,
      intervalMs: 250,
    },
  );
}

/** A planned project registered through the gateway, with the keys its clerk and its bank use. */
export interface RegisteredProject {
  projectKey: string;
  bankKey: string;
  accountNumber: string;
  /** Every answer, for the tests that scan answers for personal data. */
  answers: Answer[];
}

/**
 * Registers a planned project as the administrator, its bank and its clerk would: the bank, the project, its
 * dedicated account (once the bank has learnt of the project from its event) and the roll of `roll`.
 */
export async function registerPlannedProject(
  stack: Stack,
  plan: DistrictPlan,
  project: PlannedProject,
  roll: PlannedProject['workers'] = project.workers,
): Promise<RegisteredProject> {
  const admin = stack.secrets.ADMIN_API_KEY;
  const answers: Answer[] = [];
  const expectStatus = (answer: Answer, status: number, what: string) => {
    answers.push(answer);
    if (answer.status !== status)
      throw new Error(`${what} answered ${answer.status} ${answer.text.slice(0, 300)}, not ${status}`);
    return answer;
  };
  const bank = plan.banks.find((x) => x.code === project.bankCode)!;
  const bankAnswer = expectStatus(
    await stack.call('POST', '/banks', admin, { code: bank.code, name: bank.name }),
    201,
    `POST /banks ${bank.code}`,
  );
  const projectAnswer = expectStatus(
    await stack.call('POST', '/projects', admin, projectRegistration(project)),
    201,
    `POST /projects ${project.code}`,
  );
  const bankKey = String(bankAnswer.body.apiKey);
  const projectKey = String(projectAnswer.body.apiKey);
  const accountNumber = project.account?.accountNumber ?? `6${randomBytes(6).readUIntBE(0, 6)}`;
  const openedOn = project.account?.openedOn ?? project.startDate;
  // The bank learns of the project through its event; until then it answers PROJECT_NOT_REGISTERED.
  answers.push(
    await callUntil(
      stack,
      'POST',
      '/wage-accounts',
      bankKey,
      { projectCode: project.code, bankCode: bank.code, accountNumber, openedOn },
      (x) => x.status === 201,
    ),
  );
  expectStatus(
    await stack.call('PUT', `/projects/${project.code}/workers`, projectKey, {
      workers: roll.map(({ dailyWageFen: _wage, ...worker }) => worker),
    }),
    200,
    `PUT /projects/${project.code}/workers`,
  );
  return { projectKey, bankKey, accountNumber, answers };
}
