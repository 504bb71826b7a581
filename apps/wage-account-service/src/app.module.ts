import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { PlatformModule, type ServiceDefinition } from '@wage/platform';

/** wage-account-service: banks, dedicated wage accounts, their transactions and wage guarantee deposits. */
@Module({})
export class AppModule {
  static forRoot(service: ServiceDefinition, logger: Logger): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forRoot(service, logger)] };
  }
}
