import { Global, Module } from '@nestjs/common';
import { API_KEY_RESOLVER } from '@wage/platform';
import { ProjectsModule } from '../projects/projects.module';
import { AlertServiceApiKeys } from './api-key.resolver';

/** Global, because the platform's guard looks the resolver up from its own module. */
@Global()
@Module({
  imports: [ProjectsModule],
  providers: [{ provide: API_KEY_RESOLVER, useClass: AlertServiceApiKeys }],
  exports: [API_KEY_RESOLVER],
})
export class AccessModule {}
