import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { RulesController } from './rules.controller';
import { SetOverridesUseCase } from './use-cases/set-overrides/set-overrides.use-case';

@Module({ imports: [EvaluationModule], controllers: [RulesController], providers: [SetOverridesUseCase] })
export class RulesModule {}
