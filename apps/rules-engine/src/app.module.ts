import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { PlatformModule } from '@wage/platform';
import { CalendarModule } from './calendar/calendar.module';
import type { RulesEngineDefinition } from './config/env';
import { EvaluationJobsModule } from './evaluation/jobs/evaluation-jobs.module';
import { EvaluationModule } from './evaluation/evaluation.module';
import { EvaluationSettingsModule } from './evaluation/evaluation-settings';
import { ReadModelModule } from './read-model/read-model.module';
import { RulesModule } from './rules/rules.module';

/** rules-engine: the read model, the rule catalogue, deadlines and the alert lifecycle. */
@Module({})
export class AppModule {
  static forRoot(service: RulesEngineDefinition, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(service, logger),
        EvaluationSettingsModule.forRoot(service.evaluation),
        EvaluationModule,
        EvaluationJobsModule.forRoot(service.scheduling),
        ReadModelModule,
        RulesModule,
        CalendarModule,
      ],
    };
  }
}
