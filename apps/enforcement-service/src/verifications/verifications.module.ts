import { Module } from '@nestjs/common';
import { VerificationRecordedConsumer } from './verification-consumer';
import { VerificationRepository } from './verification.repository';
import { VerificationsController } from './verifications.controller';
import { ListVerificationsUseCase } from './use-cases/list-verifications/list-verifications.use-case';

/**
 * Verification requests (核实请求): opened from RED/ORANGE alerts in a grid (the alert-record consumer) and from
 * accepted complaints (the acceptance use case), done by VerificationRecorded, escalated by the hourly sweep on the
 * enforcement queue (gradings/jobs).
 */
@Module({
  controllers: [VerificationsController],
  providers: [VerificationRepository, ListVerificationsUseCase, VerificationRecordedConsumer],
  exports: [VerificationRepository],
})
export class VerificationsModule {}
