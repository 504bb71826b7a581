import { Injectable } from '@nestjs/common';
import { Clock, type JobHandler } from '@wage/platform';
import { EscalateOverdueCasesUseCase } from '../../cases/use-cases/escalate-overdue-cases/escalate-overdue-cases.use-case';
import type { GradingJobs } from './grading-jobs';

/** The hourly sweep: open cases past their investigation limit are published as CaseOverdue, once per limit. */
@Injectable()
export class EscalateOverdueCasesJob implements JobHandler<GradingJobs, 'escalate-overdue-cases'> {
  readonly jobName = 'escalate-overdue-cases' as const;

  constructor(
    private readonly overdueCases: EscalateOverdueCasesUseCase,
    private readonly clock: Clock,
  ) {}

  handle(_data: GradingJobs['escalate-overdue-cases']) {
    return this.overdueCases.execute(this.clock.now());
  }
}
