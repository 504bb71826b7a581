import { Module } from '@nestjs/common';
import { CoverageController } from './coverage.controller';
import { GetCoverageUseCase } from './use-cases/get-coverage/get-coverage.use-case';
import { GetCoverageTrendUseCase } from './use-cases/get-coverage-trend/get-coverage-trend.use-case';

@Module({ controllers: [CoverageController], providers: [GetCoverageUseCase, GetCoverageTrendUseCase] })
export class CoverageModule {}
