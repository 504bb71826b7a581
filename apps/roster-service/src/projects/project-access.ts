import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { covers } from '@wage/domain';
import { UseCaseError, isAdmin, type Principal } from '@wage/platform';
import { ProjectRepository, type ProjectRecord } from './project.repository';

/**
 * Who may see or change which project: the administrator everything, a project key its own project only, a user
 * the projects in the region they cover.
 */
@Injectable()
export class ProjectAccess {
  constructor(private readonly projects: ProjectRepository) {}

  /** The project, if this caller may read it. */
  async readable(principal: Principal, code: string): Promise<ProjectRecord> {
    this.refuseOtherProjectKey(principal, code);
    const project = await this.projects.find(code);
    // A user outside the project's region gets the same 404 as for a project that does not exist, so that
    // other regions' projects cannot be discovered by guessing codes. A project is placed at its grid when it has
    // one: a grid assistant (or any user of a grid) sees the projects of that grid only.
    const visible =
      project !== undefined &&
      (principal.kind !== 'user' ||
        isAdmin(principal) ||
        covers(principal.regionCode, project.gridCode ?? project.regionCode));
    if (!visible) throw notFound(code);
    return project;
  }

  /** Checks that this caller may write to the project; call before opening the transaction. */
  assertWritable(principal: Principal, code: string): void {
    this.refuseOtherProjectKey(principal, code);
    if (principal.kind !== 'project' && !isAdmin(principal)) {
      throw UseCaseError.forbidden('only the project itself or an administrator may change its data');
    }
  }

  /**
   * Who may change a project's status: an administrator or an inspector whose region covers the project decides;
   * the project itself may only request it (the monitored party never certifies itself). Anyone else is refused:
   * another project or a bank with 403, a user outside the region with 404, a leader or grid assistant with 403.
   */
  statusAuthority(principal: Principal, project: ProjectRecord): 'decide' | 'request' {
    this.refuseOtherProjectKey(principal, project.code);
    if (isAdmin(principal)) return 'decide';
    if (principal.kind === 'project') return 'request';
    if (principal.kind !== 'user')
      throw UseCaseError.forbidden('only the project, an inspector or an administrator');
    if (!covers(principal.regionCode, project.regionCode)) throw notFound(project.code);
    if (principal.role !== 'INSPECTOR') {
      throw UseCaseError.forbidden(
        `a ${principal.role} does not change project status; an inspector of the region or an administrator does`,
      );
    }
    return 'decide';
  }

  /**
   * Who decides what a project put up for review (a pay-sheet revision): an administrator, or an inspector whose
   * region covers the project. The project itself gets 403 with `refusal` (it never certifies itself), another
   * project or a bank 403, a user outside the region 404, a leader or grid assistant 403.
   */
  assertDecider(principal: Principal, project: ProjectRecord, refusal: string): void {
    this.refuseOtherProjectKey(principal, project.code);
    if (isAdmin(principal)) return;
    if (principal.kind === 'project') throw UseCaseError.forbidden(refusal);
    if (principal.kind !== 'user') throw UseCaseError.forbidden('only an inspector or an administrator');
    if (!covers(principal.regionCode, project.regionCode)) throw notFound(project.code);
    if (principal.role !== 'INSPECTOR') {
      throw UseCaseError.forbidden(
        `a ${principal.role} does not decide this; an inspector of the region or an administrator does`,
      );
    }
  }

  /** Refuses another project's key before anything is read: it may not learn whether a project exists. */
  assertNotOtherProject(principal: Principal, code: string): void {
    this.refuseOtherProjectKey(principal, code);
  }

  /** Locks the project for a batch (see `ProjectRepository.lockForBatch`); 404 when it does not exist. */
  async lockForBatch(manager: EntityManager, code: string): Promise<ProjectRecord> {
    const project = await this.projects.lockForBatch(manager, code);
    if (!project) throw notFound(code);
    return project;
  }

  private refuseOtherProjectKey(principal: Principal, code: string): void {
    if (principal.kind === 'project' && principal.projectCode !== code) {
      throw UseCaseError.forbidden(
        `this project key acts for project "${principal.projectCode}" only; it cannot read or write project "${code}"`,
      );
    }
  }
}

function notFound(code: string): UseCaseError {
  return UseCaseError.notFound(`there is no project "${code}" that you may see`);
}
