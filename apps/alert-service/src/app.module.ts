import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { PlatformModule } from '@wage/platform';
import { AccessModule } from './access/access.module';
import { AlertsModule } from './alerts/alerts.module';
import { AlertSettingsModule } from './config/alert-settings';
import type { AlertServiceDefinition } from './config/env';
import { NotificationsModule } from './notifications/notifications.module';
import { ProjectsModule } from './projects/projects.module';
import { UsersModule } from './users/users.module';

/** alert-service: users, alert cases and their workflow, notifications and escalation. */
@Module({})
export class AppModule {
  static forRoot(service: AlertServiceDefinition, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(service, logger),
        AlertSettingsModule.forRoot(service.alerts),
        AccessModule,
        ProjectsModule,
        UsersModule,
        AlertsModule,
        NotificationsModule,
      ],
    };
  }
}
