import { Injectable } from '@nestjs/common';
import type { ApiKeyResolver, Principal } from '@wage/platform';
import { ProjectRepository } from './project.repository';

/** Recognises project keys by their stored hash; bank keys belong to wage-account-service and are unknown here. */
@Injectable()
export class ProjectKeyResolver implements ApiKeyResolver {
  constructor(private readonly projects: ProjectRepository) {}

  async resolve(kind: 'project' | 'bank', keyHash: string): Promise<Principal | undefined> {
    if (kind !== 'project') return undefined;
    const projectCode = await this.projects.codeForKeyHash(keyHash);
    return projectCode === undefined ? undefined : { kind: 'project', projectCode };
  }
}
