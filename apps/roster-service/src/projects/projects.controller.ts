import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { Allow, CurrentPrincipal, validate, type Principal } from '@wage/platform';
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
  register(@Body() body: unknown) {
    return this.registerProject.execute(validate(registerProjectBody, body));
  }

  @Patch(':code')
  @Allow('admin', 'project')
  changeStatus(@CurrentPrincipal() principal: Principal, @Param('code') code: string, @Body() body: unknown) {
    this.access.assertWritable(principal, code);
    return this.changeProjectStatus.execute(code, validate(changeProjectStatusBody, body));
  }

  @Get(':code')
  @Allow('admin', 'project', 'user')
  async get(@CurrentPrincipal() principal: Principal, @Param('code') code: string) {
    return projectView(await this.access.readable(principal, code));
  }
}
