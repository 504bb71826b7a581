import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Allow, CurrentPrincipal, validate, type Principal } from '@wage/platform';
import { batchRequest } from '../core/idempotent-transaction';
import { sendAnswer } from '../core/http-answer';
import { ProjectAccess } from '../projects/project-access';
import { reportAttendanceBody } from './dto/report-attendance.dto';
import { ReportAttendanceUseCase } from './use-cases/report-attendance/report-attendance.use-case';

@Controller('api/v1/projects/:code/attendance')
export class AttendanceController {
  constructor(
    private readonly access: ProjectAccess,
    private readonly reportAttendance: ReportAttendanceUseCase,
  ) {}

  @Post()
  @Allow('admin', 'project')
  async report(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    this.access.assertWritable(principal, code);
    const { month, records } = validate(reportAttendanceBody, body);
    const answer = await this.reportAttendance.execute(
      code,
      month,
      records,
      batchRequest(principal, request, body),
    );
    return sendAnswer(response, answer);
  }
}
