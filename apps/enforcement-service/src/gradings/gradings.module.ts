import { Module } from '@nestjs/common';
import { GradeStore } from './grade-store';
import { GradingsController } from './gradings.controller';
import { DowngradeOnFindingUseCase } from './use-cases/downgrade-on-finding/downgrade-on-finding.use-case';
import { ListGradingsUseCase } from './use-cases/list-gradings/list-gradings.use-case';
import { RunGradingUseCase } from './use-cases/run-grading/run-grading.use-case';

/** Employers' integrity grades: the annual run, downgrades on new findings, the list. */
@Module({
  controllers: [GradingsController],
  providers: [GradeStore, RunGradingUseCase, ListGradingsUseCase, DowngradeOnFindingUseCase],
  exports: [GradeStore, RunGradingUseCase, DowngradeOnFindingUseCase],
})
export class GradingsModule {}
