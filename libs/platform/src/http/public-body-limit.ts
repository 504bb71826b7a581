import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { isPublicRoute } from '../auth/auth.guard';
import { declaredRoutes } from '../openapi/openapi-document';

/**
 * The largest body an endpoint that needs no token reads (a login is a username and a password). Found by the
 * attack pass: /auth/login parsed bodies up to 20 MB for anyone, without a key.
 */
export const PUBLIC_BODY_LIMIT_BYTES = 8 * 1024;

const WRITES = new Set(['post', 'put', 'patch', 'delete']);

/** How much of a refused body is read and discarded before the connection is cut. */
const DRAIN_LIMIT_BYTES = 1024 * 1024;

/** The 413 for a body too large for an endpoint anyone may call, in the contract's shape. */
export function publicBodyTooLarge(limitBytes: number, receivedBytes?: number) {
  const received = receivedBytes === undefined ? '' : `（本次 ${receivedBytes} 字节）`;
  return {
    error: 'PAYLOAD_TOO_LARGE',
    message:
      `不需登录即可调用的接口只接受不超过 ${limitBytes} 字节的请求体${received}：登录只需用户名和密码。` +
      '请缩短请求体后重试；需要发送大批数据的接口须先携带令牌（Authorization: Bearer …）',
    details: [],
  };
}

/**
 * Gives every @Public() write route of the app a JSON parser that reads at most `limitBytes`, registered before
 * the service's own parser (which then leaves the parsed body alone). A body declared larger is refused at once,
 * before it is parsed; what is still arriving of it is discarded.
 */
export function limitPublicBodies(app: INestApplication, limitBytes = PUBLIC_BODY_LIMIT_BYTES): string[] {
  const router = (app as NestExpressApplication).getHttpAdapter().getInstance() as express.Express;
  const parse = express.json({ limit: limitBytes });
  // The rest of a refused body is read and discarded, so that the caller (the gateway's proxy, still sending) reads
  // the 413 instead of a connection reset: closing a socket with unread data resets it. One that keeps sending far
  // past the limit is cut off.
  const refuse = (req: Request, res: Response, received?: number) => {
    let drained = 0;
    req.on('data', (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > DRAIN_LIMIT_BYTES) req.destroy();
    });
    req.resume();
    res.status(413).json(publicBodyTooLarge(limitBytes, received));
  };
  const limited = (req: Request, res: Response, next: NextFunction) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limitBytes) {
      refuse(req, res, declared);
      return;
    }
    parse(req, res, (error?: unknown) => {
      if ((error as { type?: string } | undefined)?.type === 'entity.too.large') refuse(req, res);
      else next(error);
    });
  };
  const paths: string[] = [];
  for (const route of declaredRoutes(app)) {
    if (!WRITES.has(route.method) || !isPublicRoute(route.handler, route.controller)) continue;
    const path = route.path.replace(/\{(\w+)\}/g, ':$1');
    router[route.method as 'post' | 'put' | 'patch' | 'delete'](path, limited);
    paths.push(`${route.method.toUpperCase()} ${route.path}`);
  }
  return paths;
}
