import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { PlatformModule } from '@wage/platform';
import { AttendanceModule } from './attendance/attendance.module';
import type { RosterServiceDefinition } from './config/env';
import { CommonModule } from './common/common.module';
import { PaySheetsModule } from './pay-sheets/pay-sheets.module';
import { ProjectsModule } from './projects/projects.module';
import { WorkerChannelModule } from './worker-channel/worker-channel.module';
import { WorkersModule } from './workers/workers.module';

/** roster-service: projects, real-name worker rolls, attendance and pay sheets, and the workers' own channel. */
@Module({})
export class AppModule {
  static forRoot(service: RosterServiceDefinition, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(service, logger),
        CommonModule.forRoot(service.roster),
        ProjectsModule,
        WorkersModule,
        AttendanceModule,
        PaySheetsModule,
        WorkerChannelModule,
      ],
    };
  }
}
