import { Injectable } from '@nestjs/common';
import { dateInShanghai } from '@wage/domain';
import { Clock, type JobHandler } from '@wage/platform';
import { RunGradingUseCase, type GradingCounts } from '../use-cases/run-grading/run-grading.use-case';
import type { GradingJobs } from './grading-jobs';

/** January's run: every employer graded on the record of the calendar year just ended. */
@Injectable()
export class AnnualGradingJob implements JobHandler<GradingJobs, 'annual-grading'> {
  readonly jobName = 'annual-grading' as const;

  constructor(
    private readonly runGrading: RunGradingUseCase,
    private readonly clock: Clock,
  ) {}

  handle(_data: GradingJobs['annual-grading']): Promise<GradingCounts> {
    const year = Number(dateInShanghai(this.clock.now()).slice(0, 4)) - 1;
    return this.runGrading.execute({ year, actor: 'scheduler' });
  }
}
