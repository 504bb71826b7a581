import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import type { Response } from 'express';
import {
  Allow,
  ApiContract,
  ApiError,
  CurrentPrincipal,
  sendWritten,
  validate,
  type Principal,
  Clock,
} from '@wage/platform';
import { projectCodeParam, registerProjectExample } from '../api-examples';
import { changeProjectGridBody, isGridChange } from './dto/change-project-grid.dto';
import { changeProjectStatusBody, decideStatusRequestBody } from './dto/change-project-status.dto';
import { registerProjectBody } from './dto/register-project.dto';
import { rightsBoardQuery } from './dto/rights-board.dto';
import { ProjectAccess } from './project-access';
import { projectView } from './project.view';
import { StatusRequestRepository } from './status-request.repository';
import { ChangeProjectGridUseCase } from './use-cases/change-project-grid/change-project-grid.use-case';
import { ChangeProjectStatusUseCase } from './use-cases/change-project-status/change-project-status.use-case';
import { DecideStatusRequestUseCase } from './use-cases/decide-status-request/decide-status-request.use-case';
import { GetRightsBoardUseCase } from './use-cases/get-rights-board/get-rights-board.use-case';
import { RegisterProjectUseCase } from './use-cases/register-project/register-project.use-case';

const statusRequestParams = {
  ...projectCodeParam,
  id: { description: 'the status request id (a UUID)', example: '3b2f6d1e-9a4c-4e8b-b7d2-5c1a0f9e8d47' },
};
const requestId = new ParseUUIDPipe({
  exceptionFactory: () => ApiError.notFound('a status request id is a UUID'),
});

@Controller('api/v1/projects')
export class ProjectsController {
  constructor(
    private readonly registerProject: RegisterProjectUseCase,
    private readonly changeProjectStatus: ChangeProjectStatusUseCase,
    private readonly changeProjectGrid: ChangeProjectGridUseCase,
    private readonly decideStatusRequest: DecideStatusRequestUseCase,
    private readonly getRightsBoard: GetRightsBoardUseCase,
    private readonly statusRequests: StatusRequestRepository,
    private readonly access: ProjectAccess,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Allow('admin')
  @HttpCode(201)
  @ApiContract({
    summary: 'Register a project',
    description:
      'Registers a construction project (在建项目) and answers its project key, shown this once: the project uses it ' +
      'to report its roll, attendance and pay sheets.',
    body: registerProjectBody,
    examples: { 'a housing project in Haicang': registerProjectExample },
    responses: {
      201: {
        description: 'registered; keep the key, it is not shown again',
        example: { code: 'XM-2026-001', apiKey: 'wgp_…' },
      },
    },
    errors: { 409: 'a project with this code exists' },
  })
  register(@Body() body: unknown) {
    return this.registerProject.execute(validate(registerProjectBody, body));
  }

  @Patch(':code')
  @Allow('admin', 'user', 'project')
  @ApiContract({
    summary: "Change a project's status or grid",
    description:
      "With { gridCode } it places the project in a grid of its district (the site's 街道/乡镇, 9 digits, or " +
      '社区/村, 12 digits), moves it, or takes it out of any (null): an administrator or an inspector of the ' +
      'region, never the project (403); a grid outside the district is 400. Otherwise: ' +
      '在建 IN_CONSTRUCTION, 停工 SUSPENDED or 竣工 COMPLETED, from a date on. An administrator or an inspector of ' +
      "the project's region changes it (200); from the project itself it is a request (202) that changes nothing " +
      'until an inspector or administrator approves it — the monitored party never certifies itself. The date may ' +
      'not precede the start or the status in force, nor (for SUSPENDED or COMPLETED) a month with attendance or a ' +
      'pay sheet already reported, nor lie more than 30 days ahead. A change dated ahead shows as scheduledStatus ' +
      'until it holds; an administrator may correct it.',
    params: projectCodeParam,
    // One object in the document, so each field is described (and probed); a body with gridCode is the grid change.
    body: changeProjectStatusBody.partial().extend(changeProjectGridBody.partial().shape),
    examples: {
      'suspended for the Spring Festival': {
        status: 'SUSPENDED',
        effectiveDate: '2027-02-01',
        reason: '春节停工',
      },
      'placed in 湖里街道': { gridCode: '350206001' },
    },
    responses: {
      200: { description: 'the project with its new status (or unchanged: it already has that status)' },
      202: { description: "the project's request, pending an inspector's or administrator's decision" },
    },
    errors: {
      400: 'the date is before the status in force or the work already reported, or more than 30 days ahead',
      403: 'another project, a bank, or a user who is not an inspector',
      404: 'no such project, or not one in the caller’s region',
      409: 'a change is already scheduled; only an administrator corrects it',
    },
  })
  async changeStatus(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    this.access.assertNotOtherProject(principal, code);
    if (isGridChange(body)) {
      return this.changeProjectGrid.execute(principal, code, validate(changeProjectGridBody, body));
    }
    const answer = await this.changeProjectStatus.execute(
      principal,
      code,
      validate(changeProjectStatusBody, body),
    );
    return sendWritten<typeof answer.body>(response, answer);
  }

  @Get(':code/status-requests')
  @Allow('admin', 'user', 'project')
  @ApiContract({
    summary: "A project's status requests",
    description: 'Newest first, each with its decision once an inspector or administrator made one.',
    params: projectCodeParam,
    responses: { 200: { description: 'the requests' } },
    errors: { 404: 'no such project, or not one the caller may see' },
  })
  async listStatusRequests(@CurrentPrincipal() principal: Principal, @Param('code') code: string) {
    await this.access.readable(principal, code);
    return { items: await this.statusRequests.list(code) };
  }

  @Post(':code/status-requests/:id/approve')
  @Allow('admin', 'user')
  @HttpCode(200)
  @ApiContract({
    summary: "Approve a project's status request",
    description:
      'An inspector of the region or an administrator approves: the change applies as if they had made it, ' +
      'checked again today.',
    params: statusRequestParams,
    body: decideStatusRequestBody,
    examples: { 'confirmed on site': { note: '现场核实已停工' } },
    responses: { 200: { description: 'the decided request and the project with its status' } },
    errors: {
      400: 'the change is no longer possible (see PATCH /projects/{code})',
      404: 'no such project or request, or not one in the caller’s region',
      409: 'the request was already decided',
    },
  })
  approve(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @Param('id', requestId) id: string,
    @Body() body: unknown,
  ) {
    return this.decideStatusRequest.execute(
      principal,
      code,
      id,
      'APPROVED',
      validate(decideStatusRequestBody, body),
    );
  }

  @Post(':code/status-requests/:id/reject')
  @Allow('admin', 'user')
  @HttpCode(200)
  @ApiContract({
    summary: "Reject a project's status request",
    description: 'An inspector of the region or an administrator rejects it; the status stays as it is.',
    params: statusRequestParams,
    body: decideStatusRequestBody,
    examples: { 'still working on site': { note: '现场仍在施工' } },
    responses: { 200: { description: 'the decided request' } },
    errors: {
      404: 'no such project or request, or not one in the caller’s region',
      409: 'the request was already decided',
    },
  })
  reject(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @Param('id', requestId) id: string,
    @Body() body: unknown,
  ) {
    return this.decideStatusRequest.execute(
      principal,
      code,
      id,
      'REJECTED',
      validate(decideStatusRequestBody, body),
    );
  }

  @Get(':code/rights-board')
  @Allow('project', 'user')
  @ApiContract({
    summary: "The project's rights-information board (维权信息告示牌) as a PDF",
    description:
      'The board the general contractor puts up on site (Regulations on Ensuring Payment of Wages to Migrant ' +
      'Workers, Art. 34), in Chinese on one A4 or A3 page: the owner and the general contractor, the labour ' +
      'manager, the payday, the local minimum wage, the complaint channels (12333, the local labour inspection, ' +
      "arbitration, 12348) and a QR code to the workers' page /worker. It names companies only: no identity or " +
      'phone number. The project itself, or a user of its region. Without the Chinese font installed it is 503 ' +
      'PDF_FONT_MISSING.',
    params: projectCodeParam,
    query: rightsBoardQuery,
    queryExample: { size: 'A3' },
    file: { mediaType: 'application/pdf' },
    responses: { 200: { description: 'the PDF (Content-Disposition names the project and the paper size)' } },
    errors: {
      403: 'another project, or a bank',
      404: 'no such project, or not one in the caller’s region',
    },
  })
  async rightsBoard(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @Query() query: unknown,
  ) {
    const file = await this.getRightsBoard.execute(
      principal,
      code,
      validate(rightsBoardQuery, query, 'query'),
    );
    return new StreamableFile(file.pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="rights-board.pdf"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      length: file.pdf.length,
    });
  }

  @Get(':code')
  @Allow('admin', 'project', 'user')
  @ApiContract({
    summary: 'A project',
    description: 'A project sees only itself; a user only projects in their region.',
    params: projectCodeParam,
    responses: {
      200: {
        description: 'the project, amounts in yuan strings',
        example: { ...registerProjectExample, status: 'IN_CONSTRUCTION', statusEffectiveDate: '2026-03-01' },
      },
    },
    errors: { 404: 'no such project, or not one the caller may see' },
  })
  async get(@CurrentPrincipal() principal: Principal, @Param('code') code: string) {
    return projectView(await this.access.readable(principal, code), this.clock.today());
  }
}
