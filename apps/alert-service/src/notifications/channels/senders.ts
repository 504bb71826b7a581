import { createHmac } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { ALERT_SETTINGS, type AlertSettings } from '../../config/alert-settings';

const TIMEOUT_MS = 10_000;

/** The signature of a webhook body: `sha256=<hex HMAC-SHA256 of the raw body>`. */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** E-mail over SMTP. */
@Injectable()
export class EmailSender implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(@Inject(ALERT_SETTINGS) private readonly settings: AlertSettings) {
    this.transport = createTransport(settings.smtpUrl);
  }

  async send(to: string, subject: string, text: string): Promise<void> {
    await this.transport.sendMail({ from: this.settings.mailFrom, to, subject, text });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

/** JSON POSTs to webhooks and group robots. Errors name only the host: robot URLs carry their access key. */
@Injectable()
export class HttpPoster {
  async post(url: string, body: string, headers: Record<string, string> = {}): Promise<void> {
    const host = new URL(url).host;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new Error(`POST to ${host} failed: ${(error as Error).message}`);
    }
    const answer = await response.text();
    if (!response.ok) throw new Error(`POST to ${host} answered HTTP ${response.status}`);
    // WeCom and DingTalk robots answer 200 with { errcode, errmsg }; a non-zero errcode is a refusal.
    const errcode = parseErrcode(answer);
    if (errcode !== undefined && errcode !== 0)
      throw new Error(`POST to ${host} refused: errcode ${errcode}`);
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
