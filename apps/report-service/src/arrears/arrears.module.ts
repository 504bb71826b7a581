import { Module } from '@nestjs/common';
import { ArrearsController } from './arrears.controller';
import { GetArrearsUseCase } from './use-cases/get-arrears/get-arrears.use-case';

@Module({ controllers: [ArrearsController], providers: [GetArrearsUseCase] })
export class ArrearsModule {}
