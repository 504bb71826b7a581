import { Module } from '@nestjs/common';
import { GradingsModule } from '../gradings/gradings.module';
import { VerificationsModule } from '../verifications/verifications.module';
import { AlertRecordConsumer } from './alert-record';
import { EmployersController } from './employers.controller';
import { GetEmployerRecordUseCase } from './use-cases/get-employer-record/get-employer-record.use-case';

@Module({
  imports: [GradingsModule, VerificationsModule],
  controllers: [EmployersController],
  providers: [GetEmployerRecordUseCase, AlertRecordConsumer],
})
export class EmployersModule {}
