import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { RulesController } from './rules.controller';

@Module({ imports: [EvaluationModule], controllers: [RulesController] })
export class RulesModule {}
