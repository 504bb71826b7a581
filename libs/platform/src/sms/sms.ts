import { createHmac, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { SYSTEM_CLOCK } from '../clock/clock';

/** One text message to one mobile number (11 digits, mainland China). */
export interface SmsMessage {
  to: string;
  text: string;
}

/**
 * The port a service sends text messages through. Implementations must never log or echo the text: it may carry
 * a one-time code.
 */
export abstract class SmsSender {
  abstract send(message: SmsMessage): Promise<void>;
}

/** A provider refused or could not take a message; says which status, never what the message said. */
export class SmsDeliveryError extends Error {
  constructor(
    // The number only in the masked message: an own property would be copied whole by a logger's error serializer.
    to: string,
    readonly status: number | null,
    reason: string,
  ) {
    super(`SMS to ${to.slice(0, 3)}****${to.slice(-4)} not accepted by the provider: ${reason}`);
    this.name = 'SmsDeliveryError';
  }
}

export interface SmsProviderSettings {
  /** The provider's send endpoint (`SMS_PROVIDER_URL`). */
  url: string;
  /** Which key signs the request (`SMS_API_KEY_ID`), as the provider issued it. */
  keyId: string;
  /** The secret shared with the provider (`SMS_API_SECRET`). */
  secret: string;
  /** A signature name shown in front of the text (【…】), as Chinese carriers require. */
  signName: string;
  timeoutMs?: number;
}

/**
 * The signature a provider checks: hex HMAC-SHA256 of `timestamp\nnonce\nbody` with the shared secret. The
 * timestamp (seconds) and nonce let the provider refuse a replayed request.
 */
export function signSmsRequest(secret: string, timestamp: string, nonce: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${nonce}\n${body}`).digest('hex');
}

/**
 * Sends through a provider's HTTP API: `POST SMS_PROVIDER_URL` with JSON `{ to, signName, text }` and the headers
 * `X-Sms-Key-Id`, `X-Sms-Timestamp`, `X-Sms-Nonce` and `X-Sms-Signature: sha256=<hex>` (see `signSmsRequest`). The
 * local SMS catcher (`scripts/sms-catcher.mjs`) speaks the same protocol.
 */
export class HttpSmsSender extends SmsSender {
  constructor(
    private readonly settings: SmsProviderSettings,
    // The provider checks the timestamp against its own clock to refuse replays: the system's time, not a test's.
    private readonly now: () => Date = () => SYSTEM_CLOCK.now(),
  ) {
    super();
  }

  async send(message: SmsMessage): Promise<void> {
    const body = JSON.stringify({ to: message.to, signName: this.settings.signName, text: message.text });
    const timestamp = String(Math.floor(this.now().getTime() / 1000));
    const nonce = randomUUID();
    let response: Response;
    try {
      response = await fetch(this.settings.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'x-sms-key-id': this.settings.keyId,
          'x-sms-timestamp': timestamp,
          'x-sms-nonce': nonce,
          'x-sms-signature': `sha256=${signSmsRequest(this.settings.secret, timestamp, nonce, body)}`,
        },
        body,
        signal: AbortSignal.timeout(this.settings.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new SmsDeliveryError(message.to, null, (error as Error).name);
    }
    // The provider's answer is not read into the error: some echo the request, text included.
    await response.body?.cancel();
    if (!response.ok) throw new SmsDeliveryError(message.to, response.status, `HTTP ${response.status}`);
  }
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** The variables of a service that sends SMS; the defaults are the local SMS catcher's. */
export const smsEnv = z.object({
  SMS_PROVIDER_URL: z
    .string()
    .refine(isHttpUrl, 'must be the http:// or https:// URL of the provider’s send endpoint')
    .default('http://127.0.0.1:8026/messages'),
  SMS_API_KEY_ID: z.string().min(1).default('dev'),
  /** No default: a deployment sets the provider's secret; the stack script makes one for the local catcher. */
  SMS_API_SECRET: z.string().min(24, 'must be at least 24 characters (openssl rand -base64 24)'),
  SMS_SIGN_NAME: z.string().min(1).max(20).default('工资保障'),
});
export type SmsEnv = z.infer<typeof smsEnv>;

export function smsSettings(env: SmsEnv): SmsProviderSettings {
  return {
    url: env.SMS_PROVIDER_URL,
    keyId: env.SMS_API_KEY_ID,
    secret: env.SMS_API_SECRET,
    signName: env.SMS_SIGN_NAME,
  };
}
