import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Allow, ApiContract, CurrentPrincipal, validate, type Principal } from '@wage/platform';
import { BATCH_NOTE, paySheetExample, projectCodeParam } from '../api-examples';
import { batchRequest } from '../core/idempotent-transaction';
import { sendAnswer } from '../core/http-answer';
import { ProjectAccess } from '../projects/project-access';
import { submitPaySheetBody, submitPaySheetDocumented } from './dto/submit-pay-sheet.dto';
import { SubmitPaySheetUseCase } from './use-cases/submit-pay-sheet/submit-pay-sheet.use-case';

@Controller('api/v1/projects/:code/pay-sheets')
export class PaySheetsController {
  constructor(
    private readonly access: ProjectAccess,
    private readonly submitPaySheet: SubmitPaySheetUseCase,
  ) {}

  @Post()
  @Allow('admin', 'project')
  @ApiContract({
    summary: "Submit a month's pay sheet",
    description: `Gross and net pay per worker (工资支付表), yuan strings; replaces the month's earlier sheet. ${BATCH_NOTE}`,
    params: projectCodeParam,
    body: submitPaySheetDocumented,
    examples: { 'October 2026': paySheetExample },
    idempotent: true,
    responses: { 201: { description: 'stored; replaces any earlier sheet of the month' } },
    errors: {
      404: 'no such project',
      409: 'the Idempotency-Key was used with a different body',
      413: 'more rows than the batch cap, or a body over the size limit',
      422: 'a row is invalid; details name each row and field',
    },
  })
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    this.access.assertWritable(principal, code);
    const { month, lines } = validate(submitPaySheetBody, body);
    const answer = await this.submitPaySheet.execute(
      code,
      month,
      lines,
      batchRequest(principal, request, body),
    );
    return sendAnswer(response, answer);
  }
}
