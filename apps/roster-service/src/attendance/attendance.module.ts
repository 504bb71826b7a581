import { Module } from '@nestjs/common';
import { AttendanceController } from './attendance.controller';
import { ReportAttendanceUseCase } from './use-cases/report-attendance/report-attendance.use-case';

@Module({ controllers: [AttendanceController], providers: [ReportAttendanceUseCase] })
export class AttendanceModule {}
