import { Module } from '@nestjs/common';
import { HttpSmsSender, SmsSender } from '@wage/platform';
import type { RosterSettings, WorkerChannelSettings } from '../config/env';
import { ROSTER_SETTINGS } from '../core/tokens';
import { SignInGuard } from './sign-in-guard';
import { WORKER_CHANNEL_SETTINGS } from './tokens';
import { OpenWorkerSessionUseCase } from './use-cases/open-worker-session/open-worker-session.use-case';
import { RequestSignInCodeUseCase } from './use-cases/request-sign-in-code/request-sign-in-code.use-case';
import { AnswerMonthUseCase } from './use-cases/answer-month/answer-month.use-case';
import { ListOwnMonthsUseCase } from './use-cases/list-own-months/list-own-months.use-case';
import { PayrollPaymentsConsumer } from './payroll-payments.consumer';
import { WorkerMonthsController } from './worker-months.controller';
import { WorkerRoll } from './worker-roll';
import { WorkerSignInController } from './worker-sign-in.controller';

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
    SignInGuard,
    WorkerRoll,
    RequestSignInCodeUseCase,
    OpenWorkerSessionUseCase,
    ListOwnMonthsUseCase,
    AnswerMonthUseCase,
    PayrollPaymentsConsumer,
  ],
})
export class WorkerChannelModule {}
