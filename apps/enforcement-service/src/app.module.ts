import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { PlatformModule } from '@wage/platform';
import { BlacklistModule } from './blacklist/blacklist.module';
import { CasesModule } from './cases/cases.module';
import { ComplaintsModule } from './complaints/complaints.module';
import { EmployersModule } from './employers/employers.module';
import { GradingsModule } from './gradings/gradings.module';
import { PayrollRecoveriesModule } from './recoveries/payroll-recoveries';
import { StatisticsModule } from './statistics/statistics.module';
import { VisitsModule } from './visits/visits.module';
import { VerificationsModule } from './verifications/verifications.module';
import { WorkerCluesModule } from './worker-clues/worker-clues.module';
import { EnforcementSettingsModule } from './config/enforcement-settings';
import type { EnforcementServiceDefinition } from './config/env';

/** enforcement-service: complaints and clues, cases with their statutory clocks, actions, closures, recoveries. */
@Module({})
export class AppModule {
  static forRoot(service: EnforcementServiceDefinition, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(service, logger),
        EnforcementSettingsModule.forRoot(service.enforcement),
        CasesModule,
        ComplaintsModule,
        StatisticsModule,
        GradingsModule,
        EmployersModule,
        BlacklistModule,
        PayrollRecoveriesModule,
        WorkerCluesModule,
        VisitsModule,
        VerificationsModule,
      ],
    };
  }
}
