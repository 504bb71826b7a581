import { Injectable } from '@nestjs/common';
import type { ApiKeyResolver, Principal } from '@wage/platform';
import { BankRegistry } from '../banks/bank-registry';
import { ProjectDirectory } from '../projects/project-directory';

/** Bank keys are issued here; project keys by roster-service, whose events bring their hashes. */
@Injectable()
export class WageAccountApiKeys implements ApiKeyResolver {
  constructor(
    private readonly banks: BankRegistry,
    private readonly projects: ProjectDirectory,
  ) {}

  async resolve(kind: 'project' | 'bank', keyHash: string): Promise<Principal | undefined> {
    if (kind === 'bank') {
      const bankCode = await this.banks.findCodeByKeyHash(keyHash);
      return bankCode === undefined ? undefined : { kind: 'bank', bankCode };
    }
    const projectCode = await this.projects.findCodeByKeyHash(keyHash);
    return projectCode === undefined ? undefined : { kind: 'project', projectCode };
  }
}
