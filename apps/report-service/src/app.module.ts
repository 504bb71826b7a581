import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { PlatformModule, type ServiceDefinition } from '@wage/platform';

/** report-service: coverage and arrears statistics by region and month. */
@Module({})
export class AppModule {
  static forRoot(service: ServiceDefinition, logger: Logger): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forRoot(service, logger)] };
  }
}
