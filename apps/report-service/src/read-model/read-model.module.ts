import { Module } from '@nestjs/common';
import { ReadModelConsumers } from './read-model.consumers';

@Module({ providers: [ReadModelConsumers] })
export class ReadModelModule {}
