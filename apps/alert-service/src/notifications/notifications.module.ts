import { Module } from '@nestjs/common';
import { AlertStoreModule } from '../alerts/alert-store.module';
import { UsersModule } from '../users/users.module';
import { EmailSender, HttpPoster } from './channels/senders';
import { JOB_HANDLER_CLASSES } from './jobs/job-handlers';
import { JobQueues, JobWorkers } from './jobs/job-queues';
import { JOB_HANDLERS, type JobHandler } from './jobs/job-types';
import { NotificationRepository } from './notification.repository';
import { NotificationsController } from './notifications.controller';
import { DeliverNotificationUseCase } from './use-cases/deliver-notification/deliver-notification.use-case';
import { EscalateDueAlertsUseCase } from './use-cases/escalate-due-alerts/escalate-due-alerts.use-case';
import { PlanNotificationsUseCase } from './use-cases/plan-notifications/plan-notifications.use-case';
import { SendDailyDigestsUseCase } from './use-cases/send-daily-digests/send-daily-digests.use-case';

@Module({
  imports: [AlertStoreModule, UsersModule],
  controllers: [NotificationsController],
  providers: [
    NotificationRepository,
    EmailSender,
    HttpPoster,
    JobQueues,
    JobWorkers,
    PlanNotificationsUseCase,
    DeliverNotificationUseCase,
    EscalateDueAlertsUseCase,
    SendDailyDigestsUseCase,
    ...JOB_HANDLER_CLASSES,
    {
      provide: JOB_HANDLERS,
      useFactory: (...handlers: JobHandler[]) => handlers,
      inject: JOB_HANDLER_CLASSES,
    },
  ],
  exports: [PlanNotificationsUseCase, EscalateDueAlertsUseCase, SendDailyDigestsUseCase],
})
export class NotificationsModule {}
