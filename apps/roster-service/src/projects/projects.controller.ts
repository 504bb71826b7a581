import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { Allow, ApiContract, CurrentPrincipal, validate, type Principal } from '@wage/platform';
import { projectCodeParam, registerProjectExample } from '../api-examples';
import { changeProjectStatusBody } from './dto/change-project-status.dto';
import { registerProjectBody } from './dto/register-project.dto';
import { ProjectAccess } from './project-access';
import { projectView } from './project.view';
import { ChangeProjectStatusUseCase } from './use-cases/change-project-status/change-project-status.use-case';
import { RegisterProjectUseCase } from './use-cases/register-project/register-project.use-case';

@Controller('api/v1/projects')
export class ProjectsController {
  constructor(
    private readonly registerProject: RegisterProjectUseCase,
    private readonly changeProjectStatus: ChangeProjectStatusUseCase,
    private readonly access: ProjectAccess,
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
  @Allow('admin', 'project')
  @ApiContract({
    summary: "Change a project's status",
    description: '在建 IN_CONSTRUCTION, 停工 SUSPENDED or 竣工 COMPLETED, from a date on.',
    params: projectCodeParam,
    body: changeProjectStatusBody,
    examples: { 'suspended for the Spring Festival': { status: 'SUSPENDED', effectiveDate: '2027-02-01' } },
    responses: { 200: { description: 'the project with its new status' } },
    errors: { 404: 'no such project', 409: 'the change is not allowed from the current status' },
  })
  changeStatus(@CurrentPrincipal() principal: Principal, @Param('code') code: string, @Body() body: unknown) {
    this.access.assertWritable(principal, code);
    return this.changeProjectStatus.execute(code, validate(changeProjectStatusBody, body));
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
    return projectView(await this.access.readable(principal, code));
  }
}
