import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { ReadModelConsumers } from './read-model.consumers';

@Module({ imports: [EvaluationModule], providers: [ReadModelConsumers], exports: [ReadModelConsumers] })
export class ReadModelModule {}
