import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { PlatformModule, type ServiceDefinition } from '@wage/platform';
import { ArrearsModule } from './arrears/arrears.module';
import { CoverageModule } from './coverage/coverage.module';
import { ReadModelModule } from './read-model/read-model.module';

/** report-service: coverage and arrears statistics by region and month. */
@Module({})
export class AppModule {
  static forRoot(service: ServiceDefinition, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(service, logger), ReadModelModule, CoverageModule, ArrearsModule],
    };
  }
}
