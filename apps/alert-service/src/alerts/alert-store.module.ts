import { Module } from '@nestjs/common';
import { AfterCommit } from '../common/after-commit';
import { AlertRepository } from './alert.repository';
import { AlertStream } from './alert-stream';
import { AuditLogRepository } from './audit-log.repository';

/** The alert cases, their audit log and live stream, shared by the workflow and the notifications. */
@Module({
  providers: [AlertRepository, AuditLogRepository, AlertStream, AfterCommit],
  exports: [AlertRepository, AuditLogRepository, AlertStream, AfterCommit],
})
export class AlertStoreModule {}
