import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { PlatformModule, type ServiceDefinition } from '@wage/platform';
import { EvaluationModule } from './evaluation/evaluation.module';
import { ReadModelModule } from './read-model/read-model.module';
import { RulesModule } from './rules/rules.module';

/** rules-engine: the read model, the rule catalogue, deadlines and the alert lifecycle. */
@Module({})
export class AppModule {
  static forRoot(service: ServiceDefinition, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(service, logger), EvaluationModule, ReadModelModule, RulesModule],
    };
  }
}
