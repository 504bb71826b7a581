import { Module, type DynamicModule } from '@nestjs/common';
import { EvaluationModule } from '../evaluation.module';
import { EvaluationQueue } from './evaluation-queue';
import { SCHEDULING_SETTINGS, type SchedulingSettings } from './evaluation-jobs';
import { ScheduledEvaluationJob } from './scheduled-evaluation.job';

/** The engine's BullMQ jobs: the scheduled evaluation. */
@Module({})
export class EvaluationJobsModule {
  static forRoot(settings: SchedulingSettings): DynamicModule {
    return {
      module: EvaluationJobsModule,
      imports: [EvaluationModule],
      providers: [
        { provide: SCHEDULING_SETTINGS, useValue: settings },
        ScheduledEvaluationJob,
        EvaluationQueue,
      ],
      exports: [EvaluationQueue],
    };
  }
}
