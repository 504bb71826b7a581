import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Body, Controller, Module, Param, Post, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { Public } from '../auth/auth.guard';
import { limitPublicBodies, PUBLIC_BODY_LIMIT_BYTES } from './public-body-limit';

@Controller('api/v1')
class ExampleController {
  @Post('auth/login')
  @Public()
  login(@Body() body: unknown) {
    return { received: JSON.stringify(body).length };
  }

  @Post('worker/:kind/codes')
  @Public()
  code(@Param('kind') kind: string, @Body() body: unknown) {
    return { kind, received: JSON.stringify(body).length };
  }

  // Needs a token in a service (the guard is not installed here): its bodies may be large.
  @Post('projects')
  register(@Body() body: unknown) {
    return { received: JSON.stringify(body).length };
  }
}

@Module({ controllers: [ExampleController] })
class ExampleModule {}

describe('limitPublicBodies', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await NestFactory.create<NestExpressApplication>(ExampleModule, {
      bodyParser: false,
      logger: false,
    });
    expect(limitPublicBodies(app)).toEqual(['POST /api/v1/auth/login', 'POST /api/v1/worker/{kind}/codes']);
    (app as NestExpressApplication).useBodyParser('json', { limit: '20mb' });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => app.close());

  const padded = (bytes: number) => ({ username: 'inspector', password: 'x'.repeat(bytes) });

  // Found by the attack pass (issue 16 item 12): /auth/login parsed bodies of ~19 MB from anyone.
  it('refuses a body over the limit declared by an endpoint anyone may call, with 413 in Chinese', async () => {
    const refused = await request(url).post('/api/v1/auth/login').send(padded(PUBLIC_BODY_LIMIT_BYTES));
    expect(refused.status).toBe(413);
    expect(refused.body).toEqual({
      error: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining(
        `不需登录即可调用的接口只接受不超过 ${PUBLIC_BODY_LIMIT_BYTES} 字节的请求体`,
      ),
      details: [],
    });
    const withParam = await request(url).post('/api/v1/worker/sms/codes').send(padded(20_000));
    expect(withParam.status).toBe(413);
  });

  it('refuses a streamed body (no Content-Length) once it passes the limit', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        `${url}/api/v1/auth/login`,
        { method: 'POST', headers: { 'content-type': 'application/json' } },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        },
      );
      req.on('error', reject);
      req.write('{"username":"inspector","password":"');
      for (let i = 0; i < 4; i += 1) req.write('x'.repeat(4096));
      req.end('"}');
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).message).toContain('登录只需用户名和密码');
  });

  it('reads a small body on a public endpoint and a large one elsewhere', async () => {
    const login = await request(url).post('/api/v1/auth/login').send(padded(100));
    expect(login.status).toBe(201);
    expect(login.body.received).toBeGreaterThan(100);
    const batch = await request(url).post('/api/v1/projects').send(padded(100_000));
    expect(batch.status).toBe(201);
    expect(batch.body.received).toBeGreaterThan(100_000);
  });
});
