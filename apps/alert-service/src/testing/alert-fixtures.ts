import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { Topics, alertKey, type AlertCode, type Severity } from '@wage/contracts';
import { KafkaClient } from '@wage/platform';
import { bearer, startTestApp, waitFor, type TestApp } from '@wage/testing';
import { AppModule } from '../app.module';
import { envSchema, serviceDefinition } from '../config/env';
import { decodeBody } from './mail-body';

export { bearer };

/**
 * The app with its own BullMQ prefix (per-test Redis isolation), fast retries, no timed sweeps, and the local
 * receivers (`startReceiver`, on 127.0.0.1) allow-listed for webhooks.
 */
export function startAlertApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  return startTestApp(
    { envSchema, serviceDefinition, AppModule },
    {
      WEBHOOK_SIGNING_SECRET: randomBytes(32).toString('base64'),
      BULLMQ_PREFIX: `test-${randomBytes(4).toString('hex')}`,
      NOTIFY_ATTEMPTS: '3',
      NOTIFY_BACKOFF_MS: '50',
      JOB_SCHEDULES_ENABLED: 'false',
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      ...overrides,
    },
  );
}

export interface ReceivedMail {
  to: string;
  raw: string;
  /** The body decoded from its transfer encoding (quoted-printable or base64), as a person reads it. */
  text: string;
}

/** A real SMTP server on a free port that keeps what it receives. */
export async function startSmtp(): Promise<{ url: string; mails: ReceivedMail[]; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          raw,
          text: decodeBody(raw),
        });
        callback();
      });
    },
  });
  // A sender's dropped connection is emitted on the server: it must not end the test process.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver; `failPaths` answer 500 so that retries can be seen. */
export async function startReceiver(failPaths: string[] = []) {
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const fail = failPaths.includes(req.url ?? '');
      res.writeHead(fail ? 500 : 200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function createUser(t: TestApp, user: Record<string, unknown>): Promise<void> {
  const response = await t.http
    .post('/api/v1/users')
    .set(bearer(t.env.ADMIN_API_KEY))
    .send({ password: 'a-long-enough-password', displayName: String(user.username), ...user });
  expect(response.status).toBe(201);
}

export async function login(
  t: TestApp,
  username: string,
  password = 'a-long-enough-password',
): Promise<string> {
  const response = await t.http.post('/api/v1/auth/login').send({ username, password });
  expect(response.status).toBe(200);
  return response.body.accessToken;
}

export interface AlertFacts {
  code?: AlertCode;
  projectCode: string;
  regionCode: string;
  month?: string | null;
  severity?: Severity;
  detectedAt?: string;
}

export function alertData(facts: AlertFacts) {
  const code = facts.code ?? 'WAGE_ARREARS';
  const month = facts.month === undefined ? '2026-10' : facts.month;
  return {
    alertKey: alertKey(code, facts.projectCode, month),
    code,
    severity: facts.severity ?? 'RED',
    projectCode: facts.projectCode,
    regionCode: facts.regionCode,
    month,
    title: `项目 ${facts.projectCode} 欠薪`,
    evidence: {
      workersAffected: 12,
      workers: [{ idHash: 'a'.repeat(64), idMasked: '350206********1234' }],
      amounts: { netPayDueFen: 1_200_000 },
      transactions: [],
      parameters: { graceDays: 2 },
      facts: { deadline: '2026-11-16' },
    },
    detectedAt: facts.detectedAt ?? new Date().toISOString(),
  };
}

/** Publishes an alert event as the rules engine would; returns the envelope (to redeliver it). */
export async function publishAlertEvent(
  t: TestApp,
  type: 'AlertRaised' | 'AlertUpdated' | 'AlertCleared' | 'AlertSuppressed' | 'AlertDismissed',
  data: Record<string, unknown>,
  id: string = randomUUID(),
  /** When the rules engine recorded the event: alert-service orders a case's events by it. */
  recordedAt: string = new Date().toISOString(),
) {
  const envelope = {
    id,
    type,
    schemaVersion: 1,
    occurredAt: recordedAt,
    recordedAt,
    projectCode: String(data.projectCode),
    data,
  };
  await t.app
    .get(KafkaClient)
    .send(Topics.alert, [{ key: String(data.projectCode), value: JSON.stringify(envelope) }]);
  return envelope;
}

/** Waits until alert-service's consumer has applied (or skipped) an event: its id is recorded as processed. */
export async function waitForProcessed(t: TestApp, eventId: string): Promise<void> {
  await waitFor(
    async () =>
      (await t.dataSource.query(`SELECT 1 FROM alerts.processed_events WHERE event_id = $1`, [eventId]))
        .length > 0,
    { description: `event ${eventId} to be processed`, timeoutMs: 45_000 },
  );
}

export async function waitForAlert(
  t: TestApp,
  key: string,
  probe: (row: Record<string, unknown>) => boolean = () => true,
) {
  return waitFor(
    async () => {
      const [row] = await t.dataSource.query(`SELECT * FROM alerts.alerts WHERE alert_key = $1`, [key]);
      return row && probe(row) ? row : undefined;
    },
    { description: `alert ${key}`, timeoutMs: 45_000 },
  );
}
