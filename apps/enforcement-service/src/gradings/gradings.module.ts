import { Module } from '@nestjs/common';
import { EscalateOverdueCasesUseCase } from '../cases/use-cases/escalate-overdue-cases/escalate-overdue-cases.use-case';
import { GradeRepository } from './grade.repository';
import { GradingsController } from './gradings.controller';
import { AnnualGradingJob } from './jobs/annual-grading.job';
import { EscalateOverdueVerificationsUseCase } from '../verifications/use-cases/escalate-overdue-verifications/escalate-overdue-verifications.use-case';
import { EscalateOverdueCasesJob } from './jobs/escalate-overdue-cases.job';
import { EscalateOverdueVerificationsJob } from './jobs/escalate-overdue-verifications.job';
import { GradingQueue } from './jobs/grading-queue';
import { DowngradeOnFindingUseCase } from './use-cases/downgrade-on-finding/downgrade-on-finding.use-case';
import { GradeStatisticsUseCase } from './use-cases/grade-statistics/grade-statistics.use-case';
import { ListGradingsUseCase } from './use-cases/list-gradings/list-gradings.use-case';
import { RunGradingUseCase } from './use-cases/run-grading/run-grading.use-case';

/** Employers' integrity grades: the annual run, downgrades on new findings, the list. */
@Module({
  controllers: [GradingsController],
  providers: [
    GradeRepository,
    RunGradingUseCase,
    ListGradingsUseCase,
    GradeStatisticsUseCase,
    DowngradeOnFindingUseCase,
    AnnualGradingJob,
    // The hourly sweep runs on the same queue as the grading.
    EscalateOverdueCasesUseCase,
    EscalateOverdueCasesJob,
    // ...and so does the hourly sweep of overdue verification requests.
    EscalateOverdueVerificationsUseCase,
    EscalateOverdueVerificationsJob,
    GradingQueue,
  ],
  exports: [
    GradeRepository,
    RunGradingUseCase,
    DowngradeOnFindingUseCase,
    GradingQueue,
    EscalateOverdueCasesUseCase,
    EscalateOverdueVerificationsUseCase,
  ],
})
export class GradingsModule {}
