import { Module } from '@nestjs/common';
import { AfterCommit } from '../common/after-commit';
import { AlertRepository } from './alert-repository';
import { AlertStream } from './alert-stream';
import { AuditLog } from './audit-log';

/** The alert cases, their audit log and live stream, shared by the workflow and the notifications. */
@Module({
  providers: [AlertRepository, AuditLog, AlertStream, AfterCommit],
  exports: [AlertRepository, AuditLog, AlertStream, AfterCommit],
})
export class AlertStoreModule {}
