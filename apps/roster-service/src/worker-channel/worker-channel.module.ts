import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import IORedis, { type Redis } from 'ioredis';
import { HttpSmsSender, SmsSender } from '@wage/platform';
import type { RosterSettings, WorkerChannelSettings } from '../config/env';
import { ROSTER_SETTINGS } from '../common/tokens';
import { SignInGuard } from './sign-in-guard';
import { WORKER_CHANNEL_SETTINGS, WORKER_REDIS } from './tokens';
import { OpenWorkerSessionUseCase } from './use-cases/open-worker-session/open-worker-session.use-case';
import { RequestSignInCodeUseCase } from './use-cases/request-sign-in-code/request-sign-in-code.use-case';
import { AnswerMonthUseCase } from './use-cases/answer-month/answer-month.use-case';
import { ListOwnMonthsUseCase } from './use-cases/list-own-months/list-own-months.use-case';
import { PayrollPaymentsConsumer } from './payroll-payments.consumer';
import { WorkerMonthsController } from './worker-months.controller';
import { WorkerRollRepository } from './worker-roll.repository';
import { WorkerSignInController } from './worker-sign-in.controller';

/**
 * Fails fast while Redis is away (one try, no offline queue): sign-in answers 503 at once instead of hanging, and the
 * rest of roster-service, which does not need Redis, carries on and stays healthy.
 */
function workerRedis(settings: WorkerChannelSettings): Redis {
  return new IORedis(settings.redisUrl, {
    connectionName: 'roster-service.worker-channel',
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (times) => Math.min(times * 200, 5_000),
  });
}

@Injectable()
class WorkerRedisCloser implements OnApplicationShutdown {
  constructor(@Inject(WORKER_REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit();
    else this.redis.disconnect();
  }
}

/** The workers' own channel (/worker/*): sign-in by SMS code, their months, confirmations and disputes. */
@Module({
  controllers: [WorkerSignInController, WorkerMonthsController],
  providers: [
    {
      provide: WORKER_CHANNEL_SETTINGS,
      inject: [ROSTER_SETTINGS],
      useFactory: (settings: RosterSettings) => settings.workerChannel,
    },
    {
      provide: SmsSender,
      inject: [WORKER_CHANNEL_SETTINGS],
      useFactory: (settings: WorkerChannelSettings) => new HttpSmsSender(settings.sms),
    },
    { provide: WORKER_REDIS, inject: [WORKER_CHANNEL_SETTINGS], useFactory: workerRedis },
    WorkerRedisCloser,
    SignInGuard,
    WorkerRollRepository,
    RequestSignInCodeUseCase,
    OpenWorkerSessionUseCase,
    ListOwnMonthsUseCase,
    AnswerMonthUseCase,
    PayrollPaymentsConsumer,
  ],
})
export class WorkerChannelModule {}
