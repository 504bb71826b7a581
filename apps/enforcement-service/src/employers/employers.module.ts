import { Module } from '@nestjs/common';
import { GradingsModule } from '../gradings/gradings.module';
import { AlertRecordConsumer } from './alert-record';
import { EmployersController } from './employers.controller';
import { GetEmployerRecordUseCase } from './use-cases/get-employer-record/get-employer-record.use-case';

@Module({
  imports: [GradingsModule],
  controllers: [EmployersController],
  providers: [GetEmployerRecordUseCase, AlertRecordConsumer],
})
export class EmployersModule {}
