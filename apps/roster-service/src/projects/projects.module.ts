import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { API_KEY_RESOLVER } from '@wage/platform';
import { ProjectAccess } from './project-access';
import { CanonicalProjectCode } from './project-code-case';
import { ProjectKeyResolver } from './project-key.resolver';
import { ProjectRepository } from './project.repository';
import { ProjectsController } from './projects.controller';
import { StatusRequestRepository } from './status-request.repository';
import { ChangeProjectGridUseCase } from './use-cases/change-project-grid/change-project-grid.use-case';
import { ChangeProjectStatusUseCase } from './use-cases/change-project-status/change-project-status.use-case';
import { DecideStatusRequestUseCase } from './use-cases/decide-status-request/decide-status-request.use-case';
import { GetRightsBoardUseCase } from './use-cases/get-rights-board/get-rights-board.use-case';
import { RegisterProjectUseCase } from './use-cases/register-project/register-project.use-case';

/**
 * Global because the platform's authentication guard, registered in the platform module, must find the
 * project-key resolver, and every feature checks project access.
 */
@Global()
@Module({
  controllers: [ProjectsController],
  providers: [
    ProjectRepository,
    ProjectAccess,
    { provide: API_KEY_RESOLVER, useClass: ProjectKeyResolver },
    { provide: APP_INTERCEPTOR, useClass: CanonicalProjectCode },
    RegisterProjectUseCase,
    StatusRequestRepository,
    ChangeProjectStatusUseCase,
    ChangeProjectGridUseCase,
    DecideStatusRequestUseCase,
    GetRightsBoardUseCase,
  ],
  exports: [ProjectAccess, API_KEY_RESOLVER],
})
export class ProjectsModule {}
