import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Subject, filter, type Observable } from 'rxjs';
import { covers } from '@wage/domain';
import { createRedis, LOGGER, REDIS, type Logger, type Principal } from '@wage/platform';
import { ALERT_SETTINGS, type AlertSettings } from '../config/alert-settings';
import type { AlertView } from './alert-view';

export type AlertStreamEvent = 'alert.raised' | 'alert.updated' | 'alert.cleared';

export interface AlertStreamMessage {
  event: AlertStreamEvent;
  alert: AlertView;
}

/** Whether a caller may see an alert: the same rule as the lists and details (`visibility` in the repository). */
export function maySee(principal: Principal, alert: Pick<AlertView, 'regionCode' | 'projectCode'>): boolean {
  switch (principal.kind) {
    case 'admin':
      return true;
    case 'user':
      return covers(principal.regionCode, alert.regionCode);
    case 'project':
      return principal.projectCode === alert.projectCode;
    case 'bank':
      return false;
  }
}

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

  onApplicationShutdown(): void {
    this.messages.complete();
    this.subscriber?.disconnect();
  }
}
