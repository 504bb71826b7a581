import { randomUUID } from 'node:crypto';
import {
  HttpStatus,
  Inject,
  Injectable,
  type MessageEvent,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Subject, endWith, filter, finalize, map, takeUntil, timer, type Observable } from 'rxjs';
import { covers } from '@wage/domain';
import { ApiError, createRedis, LOGGER, REDIS, type Logger, type Principal } from '@wage/platform';
import { ALERT_SETTINGS, type AlertSettings } from '../config/alert-settings';
import type { AlertView } from './alert-view';

export type AlertStreamEvent = 'alert.raised' | 'alert.updated' | 'alert.cleared';

export interface AlertStreamMessage {
  event: AlertStreamEvent;
  alert: AlertView;
}

/** Whether a caller may see an alert: the same rule as the lists and details (`visibility` in the repository). */
export function maySee(
  principal: Principal,
  alert: Pick<AlertView, 'regionCode' | 'gridCode' | 'projectCode'>,
): boolean {
  switch (principal.kind) {
    case 'admin':
      return true;
    case 'user':
      return covers(principal.regionCode, alert.gridCode ?? alert.regionCode);
    case 'project':
      return principal.projectCode === alert.projectCode;
    case 'bank':
    case 'worker':
      return false;
  }
}

type UserPrincipal = Extract<Principal, { kind: 'user' }>;

/**
 * Takes one of a user's stream slots if one is free: a sorted set of the user's open streams scored by when their
 * token expires, so a slot held by a replica that died frees itself when that token would have ended the stream.
 * KEYS[1] the user's set; ARGV now, limit, expiry, stream id (ms instants).
 */
const TAKE_SLOT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
local ttl = tonumber(ARGV[3]) - tonumber(ARGV[1])
if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
return 1`;

/**
 * The in-app channel. Alert changes go through Redis pub/sub, so every replica of this service serves the stream to
 * its own connected browsers, whichever replica consumed the event.
 */
@Injectable()
export class AlertStream implements OnModuleInit, OnApplicationShutdown {
  private readonly messages = new Subject<AlertStreamMessage>();
  private readonly channel: string;
  private subscriber?: Redis;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(ALERT_SETTINGS) private readonly settings: AlertSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.channel = `${settings.bullmqPrefix}:alert-stream`;
  }

  async onModuleInit(): Promise<void> {
    this.subscriber = createRedis(this.settings.redisUrl, 'alert-service.stream');
    this.subscriber.on('message', (_channel: string, raw: string) => {
      try {
        this.messages.next(JSON.parse(raw) as AlertStreamMessage);
      } catch (error) {
        this.logger.warn({ err: error }, 'ignoring a malformed alert stream message');
      }
    });
    await this.subscriber.subscribe(this.channel);
  }

  async publish(message: AlertStreamMessage): Promise<void> {
    await this.redis.publish(this.channel, JSON.stringify(message));
  }

  /** The changes of the alerts this caller may see, from now on. */
  for(principal: Principal): Observable<AlertStreamMessage> {
    return this.messages.pipe(filter((message) => maySee(principal, message.alert)));
  }

  /**
   * A user's live stream as server-sent events: it ends when the user's token expires (a last `stream.expired`
   * event says to log in again), and a user holds at most `streamsPerUser` at once, across every replica.
   */
  async open(principal: UserPrincipal, now: Date): Promise<Observable<MessageEvent>> {
    const key = `${this.settings.bullmqPrefix}:alert-streams:${principal.username}`;
    const id = randomUUID();
    const expiresAt = principal.expiresAt.getTime();
    const limit = this.settings.streamsPerUser;
    const taken = await this.redis.eval(TAKE_SLOT, 1, key, now.getTime(), limit, expiresAt, id);
    if (taken !== 1) {
      throw new ApiError(
        HttpStatus.TOO_MANY_REQUESTS,
        'TOO_MANY_STREAMS',
        `this user already has ${limit} live alert streams open, the most allowed; close one (another tab or ` +
          'window) and try again',
      );
    }
    return this.for(principal).pipe(
      map((message): MessageEvent => ({ type: message.event, data: message })),
      takeUntil(timer(Math.max(0, expiresAt - now.getTime()))),
      endWith({
        type: 'stream.expired',
        data: { message: 'the access token has expired; log in again and reopen the stream' },
      }),
      finalize(() => {
        this.redis.zrem(key, id).catch((error: unknown) => {
          this.logger.warn(
            { err: error },
            'could not free a stream slot; it frees itself when the token expires',
          );
        });
      }),
    );
  }

  onApplicationShutdown(): void {
    this.messages.complete();
    this.subscriber?.disconnect();
  }
}
