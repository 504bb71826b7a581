import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { PlatformModule, type ServiceDefinition } from '@wage/platform';

/** gateway: the one public entry; routes /api/v1/* to the services and serves the web console. */
@Module({})
export class AppModule {
  static forRoot(service: ServiceDefinition, logger: Logger): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forRoot(service, logger)] };
  }
}
