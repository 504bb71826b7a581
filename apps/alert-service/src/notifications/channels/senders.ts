import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { ALERT_SETTINGS, type AlertSettings } from '../../config/alert-settings';
import { WebhookTargets } from './webhook-targets';

const TIMEOUT_MS = 10_000;

/** The signature of a webhook body: `sha256=<hex HMAC-SHA256 of the raw body>`. */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * E-mail over SMTP, through a pool of open connections (one SMTP session per message would spend most of each
 * delivery on the connection and greeting). What the URL says wins, so `?pool=false` turns the pool off.
 */
@Injectable()
export class EmailSender implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(@Inject(ALERT_SETTINGS) private readonly settings: AlertSettings) {
    this.transport = createTransport({
      url: settings.smtpUrl,
      pool: true,
      maxConnections: settings.smtpConnections,
      maxMessages: 1_000,
    });
  }

  async send(to: string, subject: string, text: string): Promise<void> {
    await this.transport.sendMail({ from: this.settings.mailFrom, to, subject, text });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

/**
 * JSON POSTs to webhooks and group robots, only to addresses `WebhookTargets` allows (checked on the address
 * actually connected to) and never following a redirect, which could lead anywhere. Errors name only the host:
 * robot URLs carry their access key.
 */
@Injectable()
export class HttpPoster implements OnApplicationShutdown {
  private readonly targets: WebhookTargets;
  /**
   * Connections are kept open between deliveries to the same receiver: a fan-out posts hundreds of alerts to a
   * few receivers, and a new TCP (and TLS) handshake per post would cost more than the post. A kept connection was
   * opened through `lookup`, so it reaches only an address the allow-list accepted. At most 64 at once to one
   * receiver, and as many kept between bursts (closing the rest after a burst would open them again at the next).
   */
  private readonly agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 64 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 64 }),
  };

  constructor(@Inject(ALERT_SETTINGS) settings: AlertSettings) {
    this.targets = new WebhookTargets(settings.webhookAllowedHosts);
  }

  onApplicationShutdown(): void {
    for (const agent of Object.values(this.agents)) agent.destroy();
  }

  async post(url: string, body: string, headers: Record<string, string> = {}): Promise<void> {
    const target = new URL(url);
    const refused = this.targets.refusal(url);
    if (refused) throw new Error(`POST to ${target.host} refused: ${refused}`);
    const { status, answer } = await new Promise<{ status: number; answer: string }>((resolve, reject) => {
      const request = (target.protocol === 'https:' ? https : http).request(
        target,
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json; charset=utf-8',
            'Content-Length': Buffer.byteLength(body),
            ...headers,
          },
          lookup: this.targets.lookup,
          agent: target.protocol === 'https:' ? this.agents['https:'] : this.agents['http:'],
          timeout: TIMEOUT_MS,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, answer: Buffer.concat(chunks).toString('utf8') }),
          );
          response.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
      request.on('error', (error) => reject(new Error(`POST to ${target.host} failed: ${error.message}`)));
      request.end(body);
    });
    if (status < 200 || status >= 300) throw new Error(`POST to ${target.host} answered HTTP ${status}`);
    // WeCom and DingTalk robots answer 200 with { errcode, errmsg }; a non-zero errcode is a refusal.
    const errcode = parseErrcode(answer);
    if (errcode !== undefined && errcode !== 0)
      throw new Error(`POST to ${target.host} refused: errcode ${errcode}`);
  }
}

function parseErrcode(answer: string): number | undefined {
  try {
    const json = JSON.parse(answer) as { errcode?: unknown };
    return typeof json.errcode === 'number' ? json.errcode : undefined;
  } catch {
    return undefined;
  }
}
