import { Global, Module } from '@nestjs/common';
import { API_KEY_RESOLVER } from '@wage/platform';
import { BanksModule } from '../banks/banks.module';
import { ProjectsModule } from '../projects/projects.module';
import { WageAccountApiKeys } from './api-key.resolver';

/** Global, because the platform's guard looks the resolver up from its own module. */
@Global()
@Module({
  imports: [BanksModule, ProjectsModule],
  providers: [{ provide: API_KEY_RESOLVER, useClass: WageAccountApiKeys }],
  exports: [API_KEY_RESOLVER],
})
export class AccessModule {}
