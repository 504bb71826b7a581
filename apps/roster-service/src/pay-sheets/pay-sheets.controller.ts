import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  Allow,
  ApiContract,
  ApiError,
  CurrentPrincipal,
  monthField,
  validate,
  type Principal,
} from '@wage/platform';
import { BATCH_NOTE, paySheetExample, projectCodeParam } from '../api-examples';
import { batchRequest } from '../common/idempotent-transaction';
import { sendAnswer } from '../common/http-answer';
import { ProjectAccess } from '../projects/project-access';
import { decidePaySheetRevisionBody } from './dto/pay-sheet-revision.dto';
import { submitPaySheetBody, submitPaySheetDocumented } from './dto/submit-pay-sheet.dto';
import { PaySheetRevisionRepository } from './pay-sheet-revision.repository';
import {
  DecidePaySheetRevisionUseCase,
  type RevisionDecision,
} from './use-cases/decide-pay-sheet-revision/decide-pay-sheet-revision.use-case';
import { SubmitPaySheetUseCase } from './use-cases/submit-pay-sheet/submit-pay-sheet.use-case';

const monthParams = {
  ...projectCodeParam,
  month: { description: 'the month of the pay sheet, YYYY-MM', example: '2026-09' },
};
const revisionParams = {
  ...monthParams,
  id: { description: 'the revision id (a UUID)', example: '9d3c1b2a-4e5f-4a6b-8c7d-0e1f2a3b4c5d' },
};
const revisionId = new ParseUUIDPipe({
  exceptionFactory: () => ApiError.notFound('a revision id is a UUID'),
});
const pathMonth = (month: string) => validate(monthField, month, 'month in the path');

const REVISION_NOTE =
  'A sheet sent after the month’s wage deadline (the payday in the month after, moved back to a working day, ' +
  'plus the national grace days) that lowers a worker’s net pay or leaves out a worker of the sheet in force ' +
  'is kept as a revision (202) beside the sheet in force, which still counts, until an inspector of the region ' +
  'or an administrator accepts or rejects it — the monitored party never certifies itself.';

@Controller('api/v1/projects/:code/pay-sheets')
export class PaySheetsController {
  constructor(
    private readonly access: ProjectAccess,
    private readonly submitPaySheet: SubmitPaySheetUseCase,
    private readonly decideRevision: DecidePaySheetRevisionUseCase,
    private readonly revisions: PaySheetRevisionRepository,
  ) {}

  @Post()
  @Allow('admin', 'project')
  @ApiContract({
    summary: "Submit a month's pay sheet",
    description:
      `Gross and net pay per worker (工资支付表), yuan strings; replaces the month's earlier sheet and ends its ` +
      `pending revisions. ${REVISION_NOTE} ${BATCH_NOTE}`,
    params: projectCodeParam,
    body: submitPaySheetDocumented,
    examples: { 'October 2026': paySheetExample },
    idempotent: true,
    responses: {
      201: { description: 'stored; replaces any earlier sheet of the month' },
      202: {
        description: 'kept as a revision awaiting an inspector; the sheet in force is unchanged',
        example: { month: '2026-09', code: 'REVISION_PENDING_REVIEW', message: '…待劳动保障监察员审核…' },
      },
    },
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

  @Get(':month/revisions')
  @Allow('admin', 'user', 'project')
  @ApiContract({
    summary: "A month's pay-sheet revisions",
    description:
      'Newest first: each with the totals of the sheet it revises and its own, the lines it lowers (workers ' +
      'masked), its status (PENDING, ACCEPTED, REJECTED, SUPERSEDED) and who decided it, when and why.',
    params: monthParams,
    responses: { 200: { description: 'the revisions' } },
    errors: { 400: 'the month is not YYYY-MM', 404: 'no such project, or not one the caller may see' },
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @Param('month') month: string,
  ) {
    const checked = pathMonth(month);
    await this.access.readable(principal, code);
    return { items: await this.revisions.list(code, checked) };
  }

  @Post(':month/revisions/:id/accept')
  @Allow('admin', 'user')
  @HttpCode(200)
  @ApiContract({
    summary: 'Accept a pay-sheet revision',
    description:
      'An inspector of the region or an administrator accepts it, with a reason: it becomes the sheet in force ' +
      '(the sheet it revises stays on its lines) and the rules engine evaluates the month again. A project may ' +
      'not accept its own revision.',
    params: revisionParams,
    body: decidePaySheetRevisionBody,
    examples: { 'checked with the workers': { reason: '经核实考勤与工人确认，原工资表多报，更正属实' } },
    responses: { 200: { description: 'the accepted revision' } },
    errors: {
      400: 'no reason given, or the month is not YYYY-MM',
      403: 'the project itself, another project, a bank, or a user who is not an inspector',
      404: 'no such project or revision, or not one in the caller’s region',
      409: 'the revision was already decided or superseded',
    },
  })
  accept(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @Param('month') month: string,
    @Param('id', revisionId) id: string,
    @Body() body: unknown,
  ) {
    return this.decide(principal, code, month, id, 'ACCEPTED', body);
  }

  @Post(':month/revisions/:id/reject')
  @Allow('admin', 'user')
  @HttpCode(200)
  @ApiContract({
    summary: 'Reject a pay-sheet revision',
    description:
      'An inspector of the region or an administrator rejects it, with a reason; the sheet in force stays.',
    params: revisionParams,
    body: decidePaySheetRevisionBody,
    examples: { 'does not match the bank': { reason: '工人未确认，与考勤记录不符，维持原工资表' } },
    responses: { 200: { description: 'the rejected revision' } },
    errors: {
      400: 'no reason given, or the month is not YYYY-MM',
      403: 'the project itself, another project, a bank, or a user who is not an inspector',
      404: 'no such project or revision, or not one in the caller’s region',
      409: 'the revision was already decided or superseded',
    },
  })
  reject(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @Param('month') month: string,
    @Param('id', revisionId) id: string,
    @Body() body: unknown,
  ) {
    return this.decide(principal, code, month, id, 'REJECTED', body);
  }

  private decide(
    principal: Principal,
    code: string,
    month: string,
    id: string,
    decision: RevisionDecision,
    body: unknown,
  ) {
    this.access.assertNotOtherProject(principal, code);
    const checked = pathMonth(month);
    return this.decideRevision.execute(
      principal,
      code,
      checked,
      id,
      decision,
      validate(decidePaySheetRevisionBody, body),
    );
  }
}
