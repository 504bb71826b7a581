import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Allow, ApiContract, CurrentPrincipal, validate, type Principal } from '@wage/platform';
import { BATCH_NOTE, attendanceExample, projectCodeParam } from '../api-examples';
import { batchRequest } from '../common/idempotent-transaction';
import { sendAnswer } from '../common/http-answer';
import { ProjectAccess } from '../projects/project-access';
import { reportAttendanceBody, reportAttendanceDocumented } from './dto/report-attendance.dto';
import { ReportAttendanceUseCase } from './use-cases/report-attendance/report-attendance.use-case';

@Controller('api/v1/projects/:code/attendance')
export class AttendanceController {
  constructor(
    private readonly access: ProjectAccess,
    private readonly reportAttendance: ReportAttendanceUseCase,
  ) {}

  @Post()
  @Allow('admin', 'project')
  @ApiContract({
    summary: "Report a month's attendance",
    description: `Days worked per worker in the month (考勤); every worker must be on the roll. ${BATCH_NOTE}`,
    params: projectCodeParam,
    body: reportAttendanceDocumented,
    examples: { 'October 2026': attendanceExample },
    idempotent: true,
    responses: {
      201: {
        description: 'stored',
        example: { month: '2026-10', records: 2, submissionId: '0f8e2c1a-3b4d-4e5f-8a9b-1c2d3e4f5a6b' },
      },
    },
    errors: {
      404: 'no such project',
      409: 'the Idempotency-Key was used with a different body',
      413: 'more rows than the batch cap, or a body over the size limit',
      422: 'a row is invalid; details name each row and field',
    },
  })
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
