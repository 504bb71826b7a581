import { Module } from '@nestjs/common';
import { StatisticsController } from './statistics.controller';
import { GetStatisticsUseCase } from './use-cases/get-statistics/get-statistics.use-case';

@Module({ controllers: [StatisticsController], providers: [GetStatisticsUseCase] })
export class StatisticsModule {}
