import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { PlatformModule, type ServiceDefinition } from '@wage/platform';

/** rules-engine: the read model, the rule catalogue, deadlines and the alert lifecycle. */
@Module({})
export class AppModule {
  static forRoot(service: ServiceDefinition, logger: Logger): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forRoot(service, logger)] };
  }
}
