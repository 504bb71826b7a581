import { Injectable } from '@nestjs/common';
import { ReadModelBarrier } from '../../read-model/read-model-barrier';
import {
  EvaluateMonthUseCase,
  type EvaluationCounts,
} from '../use-cases/evaluate-month/evaluate-month.use-case';
import type { JobHandler } from '@wage/platform';
import type { EvaluationJobs } from './evaluation-jobs';

/**
 * The hourly sweep: evaluates every project for the current and previous month as of now, so that what
 * depends only on time passing (a deadline reached, a guarantee about to expire) raises without a new event. It
 * first waits until the read model has consumed what was published before it began (`ReadModelBarrier`).
 */
@Injectable()
export class ScheduledEvaluationJob implements JobHandler<EvaluationJobs, 'scheduled-evaluation'> {
  readonly jobName = 'scheduled-evaluation' as const;

  constructor(
    private readonly barrier: ReadModelBarrier,
    private readonly evaluateMonth: EvaluateMonthUseCase,
  ) {}

  async handle(_data: EvaluationJobs['scheduled-evaluation']): Promise<EvaluationCounts> {
    await this.barrier.awaitCaughtUp();
    return this.evaluateMonth.execute({});
  }
}
