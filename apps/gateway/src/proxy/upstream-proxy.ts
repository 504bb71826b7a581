import http, { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import { Transform, type TransformCallback } from 'node:stream';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  LOGGER,
  PUBLIC_BODY_LIMIT_BYTES,
  REQUEST_ID_HEADER,
  SERVICE_DEFINITION,
  publicBodyTooLarge,
  type Logger,
} from '@wage/platform';
import type { GatewayDefinition, GatewaySettings } from '../config/env';
import type { ServiceName } from '../routing/routes';
import { originalContentType } from './body-parser-bypass';

// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are never passed on.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

// The service is not there at all (down, not started, wrong address): worth retrying later.
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

class BodyTooLarge extends Error {}

/** Passes chunks through while counting them; fails once more than `max` bytes have passed. */
class BodyLimit extends Transform {
  private received = 0;
  constructor(private readonly max: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.max) done(new BodyTooLarge());
    else done(null, chunk);
  }
}

function withoutHopByHop(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const connectionTokens = String(headers.connection ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase());
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name) && !connectionTokens.includes(name)),
  );
}

function sendError(
  res: Response,
  status: number,
  error: string,
  message: string,
  closeConnection = false,
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (closeConnection) res.setHeader('Connection', 'close');
  res.status(status).json({ error, message, details: [] });
}

/**
 * The most a request's body may hold: a caller without a token (a login) sends only a small body, every other
 * caller up to GATEWAY_MAX_BODY_BYTES.
 */
export interface BodyLimitRule {
  bytes: number;
  /** The 413's message. */
  message: string;
}

export function bodyLimitFor(req: Request, maxBodyBytes: number): BodyLimitRule {
  if (req.headers.authorization === undefined) {
    const bytes = Math.min(PUBLIC_BODY_LIMIT_BYTES, maxBodyBytes);
    return { bytes, message: publicBodyTooLarge(bytes).message };
  }
  return {
    bytes: maxBodyBytes,
    message: `the request body is larger than ${maxBodyBytes} bytes, the most this API accepts; split the batch or the upload`,
  };
}

/** Refuses a body whose declared length is over the limit, without reading it, and closes the connection. */
export function refuseTooLarge(res: Response, limit: BodyLimitRule): void {
  sendError(res, 413, 'PAYLOAD_TOO_LARGE', limit.message, true);
}

/**
 * Streams a request to a service and its answer back with node:http, never holding a body in memory: uploads
 * (multipart worker rolls) go through as sent, and server-sent events reach the browser as they are written.
 */
@Injectable()
export class UpstreamProxy implements OnApplicationShutdown {
  private readonly agents = new Map<ServiceName, http.Agent>();
  private readonly settings: GatewaySettings;

  constructor(
    @Inject(SERVICE_DEFINITION) service: GatewayDefinition,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.settings = service.gateway;
  }

  forward(service: ServiceName, req: Request, res: Response, limit: BodyLimitRule): void {
    const base = new URL(this.settings.upstreams[service]);
    const secure = base.protocol === 'https:';
    const headers = withoutHopByHop(req.headers);
    const contentType = originalContentType(req);
    if (contentType !== undefined) headers['content-type'] = contentType;
    const clientAddress = req.socket.remoteAddress ?? '';
    const forwardedFor = req.headers['x-forwarded-for'];
    headers['x-forwarded-for'] = forwardedFor ? `${String(forwardedFor)}, ${clientAddress}` : clientAddress;
    headers['x-forwarded-proto'] =
      secure || (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
    if (req.headers.host) headers['x-forwarded-host'] = req.headers.host;
    // The id the platform's middleware gave this request, so the service's log lines carry the same one.
    const requestId = res.getHeader(REQUEST_ID_HEADER);
    if (requestId !== undefined) headers[REQUEST_ID_HEADER] = String(requestId);

    const upstream = (secure ? https : http).request({
      protocol: base.protocol,
      hostname: base.hostname,
      port: base.port || (secure ? 443 : 80),
      method: req.method,
      path: req.originalUrl,
      headers,
      agent: this.agent(service, secure),
    });

    let answered = false;
    const timer = setTimeout(() => {
      upstream.destroy();
      sendError(
        res,
        504,
        'GATEWAY_TIMEOUT',
        `${service} did not start answering within ${this.settings.upstreamTimeoutMs} ms; try again later`,
      );
    }, this.settings.upstreamTimeoutMs);

    upstream.on('response', (answer: IncomingMessage) => {
      answered = true;
      clearTimeout(timer);
      res.status(answer.statusCode ?? 502);
      for (const [name, value] of Object.entries(withoutHopByHop(answer.headers))) {
        if (value !== undefined) res.setHeader(name, value);
      }
      // Headers at once: a live stream's client learns it is connected before the first event.
      res.flushHeaders();
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    });

    upstream.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (answered || res.headersSent) {
        res.destroy();
        return;
      }
      const code = error.code ?? error.message;
      this.logger.warn({ service, code, url: req.originalUrl }, 'upstream request failed');
      if (UNREACHABLE.has(error.code ?? '')) {
        sendError(
          res,
          503,
          'SERVICE_UNAVAILABLE',
          `${service} is not reachable at ${base.origin} (${code}); it may be starting or down, try again shortly`,
        );
      } else if (!(error instanceof BodyTooLarge)) {
        sendError(res, 502, 'BAD_GATEWAY', `${service} failed to answer (${code}); try again shortly`);
      }
    });

    // The caller went away (closed the page, stopped a stream): let the service stop too.
    res.on('close', () => {
      clearTimeout(timer);
      if (!res.writableFinished) upstream.destroy();
    });

    const counter = new BodyLimit(limit.bytes);
    counter.on('error', () => {
      clearTimeout(timer);
      req.unpipe(counter);
      upstream.destroy(new BodyTooLarge());
      // The rest of the body is not read: answer and close the connection.
      refuseTooLarge(res, limit);
      res.on('finish', () => req.destroy());
    });
    req.on('aborted', () => upstream.destroy());
    req.pipe(counter).pipe(upstream);
  }

  onApplicationShutdown(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }

  private agent(service: ServiceName, secure: boolean): http.Agent {
    let agent = this.agents.get(service);
    if (!agent) {
      // Idle sockets are dropped after 30 s, well before the services close them (65 s): reusing a socket the
      // service is closing at that instant would fail the request with a reset (a spurious 502).
      const options = { keepAlive: true, timeout: 30_000 };
      agent = secure ? new https.Agent(options) : new http.Agent(options);
      this.agents.set(service, agent);
    }
    return agent;
  }
}
