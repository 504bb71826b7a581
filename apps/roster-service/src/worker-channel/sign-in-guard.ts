import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { UseCaseError } from '@wage/platform';
import type { WorkerChannelSettings } from '../config/env';
import { WORKER_CHANNEL_SETTINGS, WORKER_REDIS } from './tokens';

/** Code requests per identity number and per phone number in an hour, wherever they come from. */
export const CODE_REQUESTS_PER_PERSON = 5;
/** Wrong codes before an identity number, a phone number or an address is locked out. */
export const MAX_WRONG_CODES = 5;
/** How long a code is good for, and how long a lockout lasts. */
export const CODE_TTL_SECONDS = 300;
export const LOCKOUT_SECONDS = 900;
const REQUEST_WINDOW_SECONDS = 3600;

/** Who is asking, as keys: keyed hashes only, so Redis holds no identity number, phone or address. */
export interface SignInSubject {
  idHash: string;
  phoneHash: string;
  addressHash: string;
}

/** Redis away: sign-in cannot work, and says so at once (503) rather than hang or pretend. */
async function available<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UseCaseError) throw error;
    throw new UseCaseError(
      'UNAVAILABLE',
      'SIGN_IN_UNAVAILABLE',
      '登录服务暂时不可用，请过几分钟再试 (workers’ sign-in is briefly unavailable; try again shortly)',
    );
  }
}

const INCREMENT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return n`;

/**
 * The state of workers' sign-in in Redis: the pending code of each identity (as a keyed hash bound to the phone
 * number: never the code), the request counters and the wrong-code counters. Every counter counts whether or not
 * the identity is on a roll, so neither a limit nor a lockout tells a known identity from an unknown one.
 */
@Injectable()
export class SignInGuard {
  constructor(
    @Inject(WORKER_REDIS) private readonly redis: Redis,
    @Inject(WORKER_CHANNEL_SETTINGS) private readonly settings: WorkerChannelSettings,
  ) {}

  /** The keyed hash of a code for this identity and phone; what is stored and compared. */
  codeHash(subject: SignInSubject, code: string): string {
    return createHmac('sha256', this.settings.jwtSecret)
      .update(`worker-code:${subject.idHash}:${subject.phoneHash}:${code}`)
      .digest('hex');
  }

  /** Keyed hash of a client address (the counters' key). */
  addressHash(address: string): string {
    return createHmac('sha256', this.settings.jwtSecret).update(`worker-address:${address}`).digest('hex');
  }

  /** Counts a code request; false once the identity, the phone or the address asked too often this hour. */
  takeCodeRequest(subject: SignInSubject): Promise<boolean> {
    return available(() => this.takeCodeRequestNow(subject));
  }

  private async takeCodeRequestNow(subject: SignInSubject): Promise<boolean> {
    const counts = await Promise.all([
      this.increment(`worker:requests:id:${subject.idHash}`, REQUEST_WINDOW_SECONDS),
      this.increment(`worker:requests:phone:${subject.phoneHash}`, REQUEST_WINDOW_SECONDS),
      this.increment(`worker:requests:address:${subject.addressHash}`, REQUEST_WINDOW_SECONDS),
    ]);
    return (
      counts[0] <= CODE_REQUESTS_PER_PERSON &&
      counts[1] <= CODE_REQUESTS_PER_PERSON &&
      counts[2] <= this.settings.codeRequestsPerAddress
    );
  }

  /** Whether wrong codes have locked this identity, phone or address out (seconds left), else 0. */
  lockedFor(subject: SignInSubject): Promise<number> {
    return available(() => this.lockedForNow(subject));
  }

  private async lockedForNow(subject: SignInSubject): Promise<number> {
    const keys = this.failureKeys(subject);
    const counts = await this.redis.mget(...keys);
    const addressLimit = MAX_WRONG_CODES * 4;
    const locked = counts.some(
      (count, i) => Number(count ?? 0) >= (i === 2 ? addressLimit : MAX_WRONG_CODES),
    );
    if (!locked) return 0;
    const ttls = await Promise.all(keys.map((key) => this.redis.ttl(key)));
    return Math.max(1, ...ttls);
  }

  /** Replaces the identity's pending code; good for 5 minutes and 5 tries. */
  storeCode(subject: SignInSubject, codeHash: string): Promise<void> {
    return available(() => this.storeCodeNow(subject, codeHash));
  }

  private async storeCodeNow(subject: SignInSubject, codeHash: string): Promise<void> {
    await this.redis.set(`worker:code:${subject.idHash}`, codeHash, 'EX', CODE_TTL_SECONDS);
  }

  /**
   * Uses the pending code if `codeHash` is it (it is then gone); otherwise counts a wrong code against the identity,
   * the phone and the address, and drops the pending code at the fifth.
   */
  redeem(subject: SignInSubject, codeHash: string): Promise<boolean> {
    return available(() => this.redeemNow(subject, codeHash));
  }

  private async redeemNow(subject: SignInSubject, codeHash: string): Promise<boolean> {
    const key = `worker:code:${subject.idHash}`;
    // GETDEL only when it matches: a Lua compare-and-delete, so a code is used once even by two racing requests.
    const used = await this.redis.eval(
      `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`,
      1,
      key,
      codeHash,
    );
    if (used === 1) {
      await this.redis.del(this.failureKeys(subject)[0], this.failureKeys(subject)[1]);
      return true;
    }
    const counts = await Promise.all(
      this.failureKeys(subject).map((k) => this.increment(k, LOCKOUT_SECONDS)),
    );
    if (counts[0] >= MAX_WRONG_CODES || counts[1] >= MAX_WRONG_CODES) await this.redis.del(key);
    return false;
  }

  private failureKeys(subject: SignInSubject): [string, string, string] {
    return [
      `worker:failures:id:${subject.idHash}`,
      `worker:failures:phone:${subject.phoneHash}`,
      `worker:failures:address:${subject.addressHash}`,
    ];
  }

  private async increment(key: string, ttlSeconds: number): Promise<number> {
    return Number(await this.redis.eval(INCREMENT, 1, key, String(ttlSeconds)));
  }
}
