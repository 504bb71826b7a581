import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Allow, CurrentPrincipal, validate, type Principal } from '@wage/platform';
import { batchRequest } from '../core/idempotent-transaction';
import { sendAnswer } from '../core/http-answer';
import { ProjectAccess } from '../projects/project-access';
import { submitPaySheetBody } from './dto/submit-pay-sheet.dto';
import { SubmitPaySheetUseCase } from './use-cases/submit-pay-sheet/submit-pay-sheet.use-case';

@Controller('api/v1/projects/:code/pay-sheets')
export class PaySheetsController {
  constructor(
    private readonly access: ProjectAccess,
    private readonly submitPaySheet: SubmitPaySheetUseCase,
  ) {}

  @Post()
  @Allow('admin', 'project')
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
