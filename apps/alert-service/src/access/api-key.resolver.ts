import { Injectable } from '@nestjs/common';
import { KnownProjects, type ApiKeyResolver, type Principal } from '@wage/platform';

/** Project keys, recognised by the hash their registration event carried; bank keys have nothing to do here. */
@Injectable()
export class AlertServiceApiKeys implements ApiKeyResolver {
  constructor(private readonly projects: KnownProjects) {}

  async resolve(kind: 'project' | 'bank', keyHash: string): Promise<Principal | undefined> {
    if (kind !== 'project') return undefined;
    const projectCode = await this.projects.findCodeByKeyHash(keyHash);
    return projectCode === undefined ? undefined : { kind: 'project', projectCode };
  }
}
