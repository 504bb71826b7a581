import { Injectable } from '@nestjs/common';
import {
  EvaluateMonthUseCase,
  type EvaluationCounts,
} from '../use-cases/evaluate-month/evaluate-month.use-case';
import type { EvaluationJobs } from './evaluation-jobs';

/**
 * The hourly sweep: evaluates every project for the current and previous month as of now, so that what
 * depends only on time passing (a deadline reached, a guarantee about to expire) raises without a new event.
 */
@Injectable()
export class ScheduledEvaluationJob {
  constructor(private readonly evaluateMonth: EvaluateMonthUseCase) {}

  handle(_data: EvaluationJobs['scheduled-evaluation']): Promise<EvaluationCounts> {
    return this.evaluateMonth.execute({});
  }
}
