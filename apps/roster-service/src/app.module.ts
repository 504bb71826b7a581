import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { PlatformModule, type ServiceDefinition } from '@wage/platform';

/** roster-service: projects, real-name worker rolls, attendance and pay sheets. */
@Module({})
export class AppModule {
  static forRoot(service: ServiceDefinition, logger: Logger): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forRoot(service, logger)] };
  }
}
