import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { AlertStoreModule } from './alert-store.module';
import { AlertsConsumer } from './alerts.consumer';
import { AlertsController } from './alerts.controller';
import { streamTokenMiddleware } from './stream-token.middleware';
import { ApplyAlertEventsUseCase } from './use-cases/apply-alert-events/apply-alert-events.use-case';
import { ApplyEnforcementEventsUseCase } from './use-cases/apply-enforcement-events/apply-enforcement-events.use-case';
import { ChangeAlertStatusUseCase } from './use-cases/change-alert-status/change-alert-status.use-case';
import { ListAlertsUseCase } from './use-cases/list-alerts/list-alerts.use-case';

@Module({
  imports: [AlertStoreModule, NotificationsModule, UsersModule],
  controllers: [AlertsController],
  providers: [
    ApplyAlertEventsUseCase,
    AlertsConsumer,
    ApplyEnforcementEventsUseCase,
    ListAlertsUseCase,
    ChangeAlertStatusUseCase,
  ],
})
export class AlertsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(streamTokenMiddleware)
      .forRoutes({ path: 'api/v1/alerts/stream', method: RequestMethod.GET });
  }
}
