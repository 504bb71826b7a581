import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UseCaseError, KnownProjects, type KnownProject } from '@wage/platform';

export type { KnownProject } from '@wage/platform';

/** The projects this service knows (learnt from roster-service's events), and the answer when one is not known. */
@Injectable()
export class ProjectRepository extends KnownProjects {
  /** The project, or a 422 saying it is not known here (yet): its registration event may still be on its way. */
  async require(code: string, manager?: EntityManager): Promise<KnownProject> {
    const project = await this.find(code, manager);
    if (!project) {
      throw new UseCaseError(
        'UNPROCESSABLE',
        'PROJECT_NOT_REGISTERED',
        `project ${code} is not registered (yet): register it with POST /api/v1/projects first; ` +
          'if it was registered moments ago, try again shortly',
      );
    }
    return project;
  }
}
