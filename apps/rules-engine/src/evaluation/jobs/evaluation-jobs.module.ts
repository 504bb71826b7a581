import { Module, type DynamicModule } from '@nestjs/common';
import { READ_MODEL_CATCH_UP, ReadModelBarrier } from '../../read-model/read-model-barrier';
import { ReadModelModule } from '../../read-model/read-model.module';
import { EvaluationModule } from '../evaluation.module';
import { EvaluationQueue } from './evaluation-queue';
import { SCHEDULING_SETTINGS, type SchedulingSettings } from './evaluation-jobs';
import { ScheduledEvaluationJob } from './scheduled-evaluation.job';

/** The engine's BullMQ jobs: the scheduled evaluation, behind the barrier of a caught-up read model. */
@Module({})
export class EvaluationJobsModule {
  static forRoot(settings: SchedulingSettings): DynamicModule {
    return {
      module: EvaluationJobsModule,
      imports: [EvaluationModule, ReadModelModule],
      providers: [
        { provide: SCHEDULING_SETTINGS, useValue: settings },
        { provide: READ_MODEL_CATCH_UP, useValue: settings.catchUpSeconds * 1_000 },
        ReadModelBarrier,
        ScheduledEvaluationJob,
        EvaluationQueue,
      ],
      exports: [EvaluationQueue],
    };
  }
}
