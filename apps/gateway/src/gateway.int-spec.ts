import { createHash, randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { loadEnv, PUBLIC_BODY_LIMIT_BYTES, runService } from '@wage/platform';
import { freePort, silentLogger } from '@wage/testing';
import { AppModule } from './app.module';
import { envSchema, serviceDefinition } from './config/env';
import { SERVICE_NAMES, type ServiceName } from './routing/routes';

interface Echo {
  service: ServiceName;
  method: string;
  url: string;
  headers: Record<string, string>;
  bodyBytes: number;
  bodySha256: string;
}

/** Resolves the stream's second event: the upstream sends it only once the test has seen the first. */
let releaseSecondEvent: () => void = () => undefined;

/** A stand-in service: answers what it received, or a live event stream at /api/v1/alerts/stream. */
function startUpstream(service: ServiceName): Promise<Server> {
  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/api/v1/alerts/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write('data: {"n":1}\n\n');
      const second = new Promise<void>((resolve) => (releaseSecondEvent = resolve));
      void second.then(() => res.end('data: {"n":2}\n\n'));
      return;
    }
    const hash = createHash('sha256');
    let bodyBytes = 0;
    req.on('data', (chunk: Buffer) => {
      bodyBytes += chunk.length;
      hash.update(chunk);
    });
    req.on('end', () => {
      const echo: Echo = {
        service,
        method: req.method!,
        url: req.url!,
        headers: req.headers as Record<string, string>,
        bodyBytes,
        bodySha256: hash.digest('hex'),
      };
      res.writeHead(201, { 'content-type': 'application/json', 'x-served-by': service });
      res.end(JSON.stringify(echo));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

interface RunningGateway {
  app: INestApplication;
  http: TestAgent;
  url: string;
  close(): Promise<void>;
}

/**
 * Boots the gateway in-process exactly as its main does. Not startTestApp: that one also hands out the app's
 * DataSource, which the gateway — no database — does not have.
 */
async function startGateway(overrides: Record<string, string>): Promise<RunningGateway> {
  const service = serviceDefinition(loadEnv(envSchema, { LOG_LEVEL: 'silent', PORT: '0', ...overrides }));
  const app = await runService(service, (logger) => AppModule.forRoot(service, logger), {
    checkRequestBodies: false,
    logger: silentLogger,
  });
  const server = app.getHttpServer() as Server;
  return {
    app,
    http: request(server),
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => app.close(),
  };
}

const OPERATOR_TOKEN = 'an-operator-metrics-token-000';

const sha256 = (body: Buffer | string) => createHash('sha256').update(body).digest('hex');

describe('gateway in front of stand-in services', () => {
  const upstreams = new Map<ServiceName, Server>();
  let gateway: RunningGateway;
  let limited: RunningGateway;

  const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  beforeAll(async () => {
    for (const name of SERVICE_NAMES) upstreams.set(name, await startUpstream(name));
    const down = `http://127.0.0.1:${await freePort()}`; // nothing listens there
    const urls = {
      ROSTER_SERVICE_URL: urlOf(upstreams.get('roster-service')!),
      WAGE_ACCOUNT_SERVICE_URL: urlOf(upstreams.get('wage-account-service')!),
      RULES_ENGINE_URL: urlOf(upstreams.get('rules-engine')!),
      ALERT_SERVICE_URL: urlOf(upstreams.get('alert-service')!),
      REPORT_SERVICE_URL: urlOf(upstreams.get('report-service')!),
      ENFORCEMENT_SERVICE_URL: urlOf(upstreams.get('enforcement-service')!),
    };
    gateway = await startGateway({ ...urls, GATEWAY_MAX_BODY_BYTES: String(64 * 1024) });
    limited = await startGateway({
      ...urls,
      RULES_ENGINE_URL: down,
      GATEWAY_RATE_LIMIT_PER_MINUTE: '5',
      METRICS_TOKEN: OPERATOR_TOKEN,
    });
  });

  afterAll(async () => {
    await gateway?.close();
    await limited?.close();
    await Promise.all([...upstreams.values()].map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it.each([
    ['/api/v1/projects/P-1/workers?page=2', 'roster-service'],
    ['/api/v1/banks', 'wage-account-service'],
    ['/api/v1/wage-accounts/6222000011112222', 'wage-account-service'],
    ['/api/v1/deposits/7/movements', 'wage-account-service'],
    ['/api/v1/evaluations', 'rules-engine'],
    ['/api/v1/rules/350206', 'rules-engine'],
    ['/api/v1/auth/login', 'alert-service'],
    ['/api/v1/users', 'alert-service'],
    ['/api/v1/alerts/42/acknowledge', 'alert-service'],
    ['/api/v1/notifications', 'alert-service'],
    ['/api/v1/coverage/trend?regionCode=350200&from=2026-01', 'report-service'],
    ['/api/v1/arrears', 'report-service'],
    ['/api/v1/cases/5b8e2f1a-9c3d-4e7f-a1b2-c3d4e5f6a7b8/actions', 'enforcement-service'],
  ])('routes %s to %s, path, status and headers unchanged', async (path, service) => {
    const res = await gateway.http
      .post(path)
      .set('Authorization', 'Bearer some-token')
      .set('X-Request-Id', 'req-abc.123')
      .send({ hello: 'world' })
      .expect(201);
    const echo = res.body as Echo;
    expect(echo).toMatchObject({ service, method: 'POST', url: path });
    expect(res.headers['x-served-by']).toBe(service);
    expect(echo.headers.authorization).toBe('Bearer some-token');
    expect(echo.headers['x-request-id']).toBe('req-abc.123');
    expect(res.headers['x-request-id']).toBe('req-abc.123');
    expect(echo.headers['x-forwarded-for']).toMatch(/127\.0\.0\.1$/);
  });

  it('gives a request without an id the id it logs under, and passes that on', async () => {
    const res = await gateway.http.get('/api/v1/projects/P-1').expect(201);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect((res.body as Echo).headers['x-request-id']).toBe(res.headers['x-request-id']);
  });

  it('passes a JSON body on byte for byte, not re-serialised', async () => {
    const body = '{ "amount": 12345678901234567890,\n  "name": "张三" }';
    const res = await gateway.http
      .put('/api/v1/projects/P-1/workers')
      .set('Content-Type', 'application/json; charset=utf-8')
      .send(body)
      .expect(201);
    const echo = res.body as Echo;
    expect(echo.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(echo.bodySha256).toBe(sha256(body));
  });

  it('passes a multipart upload on intact', async () => {
    const file = randomBytes(40_000); // binary, with CRLFs and boundary-like bytes somewhere
    const res = await gateway.http
      .post('/api/v1/projects/P-1/workers/import')
      .set('Authorization', 'Bearer a-project-key')
      .attach('file', file, { filename: 'workers.xlsx', contentType: 'application/octet-stream' })
      .expect(201);
    const echo = res.body as Echo;
    expect(echo.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(echo.bodyBytes).toBe(Number(echo.headers['content-length']));
    expect(echo.bodyBytes).toBeGreaterThan(40_000);
    // The upstream got exactly the body that was sent: rebuild it from supertest's boundary and compare.
    const boundary = echo.headers['content-type'].split('boundary=')[1];
    const sent = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="workers.xlsx"\r\n` +
          `Content-Type: application/octet-stream\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    expect(echo.bodySha256).toBe(sha256(sent));
  });

  it('refuses a body over the limit with 413 in the contract shape, declared or streamed', async () => {
    const declared = await gateway.http
      .post('/api/v1/projects')
      .set('Authorization', 'Bearer the-admin-key')
      .set('Content-Type', 'application/json')
      .send(`"${'x'.repeat(70 * 1024)}"`)
      .expect(413);
    expect(declared.body).toEqual({
      error: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('larger than 65536 bytes'),
      details: [],
    });
    // Chunked, no Content-Length: counted while it streams.
    const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      let answered = false;
      const headers = { authorization: 'Bearer the-admin-key' };
      const req = http.request(`${gateway.url}/api/v1/projects`, { method: 'POST', headers }, (res) => {
        answered = true;
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      // The gateway closes the connection after refusing: a write racing that close is expected.
      req.on('error', (error) => (answered ? undefined : reject(error)));
      for (let i = 0; i < 10; i += 1) req.write(Buffer.alloc(10 * 1024, 1));
      req.end();
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toMatchObject({ error: 'PAYLOAD_TOO_LARGE' });
  });

  // Found by the attack pass (issue 16 item 12): /auth/login read bodies of ~19 MB from anyone. A caller without a
  // token sends at most PUBLIC_BODY_LIMIT_BYTES (8 KB): a login is a username and a password.
  it('passes a caller without a token only a small body, refusing a larger one with 413 in Chinese', async () => {
    const login = (password: string) =>
      gateway.http.post('/api/v1/auth/login').send({ username: 'inspector', password });
    const small = await login('demo-inspector-password');
    expect(small.status).toBe(201);
    expect((small.body as Echo).service).toBe('alert-service');
    const large = await login('x'.repeat(PUBLIC_BODY_LIMIT_BYTES));
    expect(large.status).toBe(413);
    expect(large.headers.connection).toBe('close');
    expect(large.body).toEqual({
      error: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining(`只接受不超过 ${PUBLIC_BODY_LIMIT_BYTES} 字节的请求体`),
      details: [],
    });
    // Streamed without Content-Length: counted while it streams, and the service never sees it.
    const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      let answered = false;
      const req = http.request(`${gateway.url}/api/v1/auth/login`, { method: 'POST' }, (res) => {
        answered = true;
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', (error) => (answered ? undefined : reject(error)));
      for (let i = 0; i < 4; i += 1) req.write(Buffer.alloc(4 * 1024, 0x61));
      req.end();
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).message).toContain('登录只需用户名和密码');
    // With a token the same body passes (the service decides what it accepts).
    const withToken = await gateway.http
      .post('/api/v1/alerts/42/acknowledge')
      .set('Authorization', 'Bearer some-token')
      .send({ note: 'x'.repeat(PUBLIC_BODY_LIMIT_BYTES) });
    expect(withToken.status).toBe(201);
  });

  it('streams server-sent events as they are written, not when the stream ends', async () => {
    const received: string[] = [];
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.get(`${gateway.url}/api/v1/alerts/stream`, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream');
        res.on('data', (chunk: Buffer) => {
          received.push(chunk.toString());
          // The second event is sent only now: a gateway that buffered would never deliver the first one.
          if (received.length === 1) releaseSecondEvent();
        });
        res.on('end', () => resolve(res.statusCode!));
      });
      req.on('error', reject);
    });
    expect(status).toBe(200);
    expect(received.join('')).toBe('data: {"n":1}\n\ndata: {"n":2}\n\n');
    expect(received[0]).toBe('data: {"n":1}\n\n');
  });

  it('answers an unknown /api/v1 path with 404 in the contract shape', async () => {
    const res = await gateway.http.get('/api/v1/payrolls').expect(404);
    expect(res.body).toEqual({
      error: 'NOT_FOUND',
      message: expect.stringContaining('no endpoint GET /api/v1/payrolls'),
      details: [],
    });
    await gateway.http.get('/api/v1').expect(404);
  });

  it('answers 503 naming the service when it is down, and stays healthy itself', async () => {
    const res = await limited.http.post('/api/v1/evaluations').send({}).expect(503);
    expect(res.body).toEqual({
      error: 'SERVICE_UNAVAILABLE',
      message: expect.stringContaining('rules-engine is not reachable'),
      details: [],
    });
    await limited.http.get('/health').expect(200);
    // Found by the attack pass: the public saw internal URLs and connection errors. It sees up or down only.
    const publicHealth = await limited.http.get('/health/upstreams').expect(200);
    expect(publicHealth.body).toEqual({
      status: 'degraded',
      services: expect.objectContaining({ 'rules-engine': 'down', 'roster-service': 'up' }),
    });
    expect(JSON.stringify(publicHealth.body)).not.toContain('127.0.0.1');
    const upstreamHealth = await limited.http
      .get('/health/upstreams')
      .set('Authorization', `Bearer ${OPERATOR_TOKEN}`)
      .expect(200);
    expect(upstreamHealth.body.status).toBe('degraded');
    expect(upstreamHealth.body.services['rules-engine']).toMatchObject({
      status: 'down',
      reason: 'ECONNREFUSED',
    });
    await limited.http.get('/metrics').expect(401);
    await limited.http.get('/metrics').set('Authorization', `Bearer ${OPERATOR_TOKEN}`).expect(200);
  });

  it('limits requests per client address with 429 in the contract shape, never health', async () => {
    // The previous test spent one of the five; spend the rest.
    for (let i = 0; i < 4; i += 1) await limited.http.get('/api/v1/coverage').expect(201);
    const refused = await limited.http.get('/api/v1/coverage').expect(429);
    expect(refused.body).toEqual({
      error: 'TOO_MANY_REQUESTS',
      message: expect.stringContaining('more than 5 requests in 60 s'),
      details: [],
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await limited.http.get('/health').expect(200);
  });

  it('answers / with where to go while no console is built', async () => {
    const res = await gateway.http.get('/').expect(200);
    expect(res.body).toMatchObject({ service: 'gateway', api: '/api/v1' });
  });
});
