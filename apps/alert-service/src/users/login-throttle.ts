import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from '@wage/platform';
import { ALERT_SETTINGS, type AlertSettings } from '../config/alert-settings';

export interface LoginThrottleSettings {
  /** Failures from one address that cost nothing: a user mistyping. */
  freeFailures: number;
  /** The wait after the first failure beyond them; each further failure doubles it. */
  firstDelaySeconds: number;
  /** The longest wait. */
  maxDelaySeconds: number;
}

/**
 * How long an (account, address) pair must wait after its `failures`-th failure, in seconds: nothing for the free
 * failures, then the first delay doubling up to the longest (30 s, 60 s, 120 s, … 900 s by default).
 */
export function loginDelaySeconds(failures: number, settings: LoginThrottleSettings): number {
  const beyond = failures - settings.freeFailures;
  if (beyond < 0) return 0;
  // 2^beyond overflows nothing: the exponent is capped where the longest delay is reached anyway.
  return Math.min(settings.maxDelaySeconds, settings.firstDelaySeconds * 2 ** Math.min(beyond, 30));
}

/** A failure count is forgotten this long after the last failure, when no wait is running. */
const FORGET_AFTER_MS = 24 * 3_600_000;

/**
 * Failed logins counted per account *and* address, in Redis so every replica sees them. Guesses from one address
 * slow down that address only: strangers elsewhere can never lock a user out of their own account.
 */
@Injectable()
export class LoginThrottle {
  private readonly settings: LoginThrottleSettings;
  private readonly prefix: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(ALERT_SETTINGS) settings: AlertSettings,
  ) {
    this.settings = settings.loginThrottle;
    this.prefix = `${settings.bullmqPrefix}:login-failures:`;
  }

  /** Until when this pair must wait before its next attempt counts, or undefined when it need not. */
  async waitUntil(username: string, address: string, now: Date): Promise<Date | undefined> {
    const until = Number(await this.redis.hget(this.key(username, address), 'until'));
    return until > now.getTime() ? new Date(until) : undefined;
  }

  async recordFailure(username: string, address: string, now: Date): Promise<void> {
    const key = this.key(username, address);
    const failures = await this.redis.hincrby(key, 'failures', 1);
    const delayMs = loginDelaySeconds(failures, this.settings) * 1000;
    await this.redis
      .multi()
      .hset(key, 'until', String(now.getTime() + delayMs))
      .pexpire(key, delayMs + FORGET_AFTER_MS)
      .exec();
  }

  async recordSuccess(username: string, address: string): Promise<void> {
    await this.redis.del(this.key(username, address));
  }

  // Hashed: neither usernames nor addresses sit in Redis in clear.
  private key(username: string, address: string): string {
    return this.prefix + createHash('sha256').update(`${username}\n${address}`).digest('base64url');
  }
}
