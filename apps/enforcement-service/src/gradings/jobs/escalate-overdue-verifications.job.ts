import { Injectable } from '@nestjs/common';
import { Clock, type JobHandler } from '@wage/platform';
import { EscalateOverdueVerificationsUseCase } from '../../verifications/use-cases/escalate-overdue-verifications/escalate-overdue-verifications.use-case';
import type { GradingJobs } from './grading-jobs';

/** The hourly sweep: OPEN verification requests past their 3 working days are published as VerificationOverdue. */
@Injectable()
export class EscalateOverdueVerificationsJob implements JobHandler<
  GradingJobs,
  'escalate-overdue-verifications'
> {
  readonly jobName = 'escalate-overdue-verifications' as const;

  constructor(
    private readonly overdueVerifications: EscalateOverdueVerificationsUseCase,
    private readonly clock: Clock,
  ) {}

  handle(_data: GradingJobs['escalate-overdue-verifications']) {
    return this.overdueVerifications.execute(this.clock.now());
  }
}
