import { Module } from '@nestjs/common';
import { AlertLedger } from './alert-ledger';
import { AlertsRepository } from './alerts.repository';
import { EvaluationWorker } from './evaluation.worker';
import { EvaluationsController } from './evaluations.controller';
import { MonthFactsRepository } from './month-facts.repository';
import { RuleOverridesRepository } from './rule-overrides.repository';
import { EvaluateMonthUseCase } from './use-cases/evaluate-month/evaluate-month.use-case';

@Module({
  controllers: [EvaluationsController],
  providers: [
    AlertLedger,
    AlertsRepository,
    EvaluationWorker,
    MonthFactsRepository,
    RuleOverridesRepository,
    EvaluateMonthUseCase,
  ],
  exports: [EvaluationWorker, RuleOverridesRepository, EvaluateMonthUseCase],
})
export class EvaluationModule {}
