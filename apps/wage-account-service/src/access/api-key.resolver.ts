import { Injectable } from '@nestjs/common';
import type { ApiKeyResolver, Principal } from '@wage/platform';
import { BankRepository } from '../banks/bank.repository';
import { ProjectRepository } from '../projects/project.repository';

/** Bank keys are issued here; project keys by roster-service, whose events bring their hashes. */
@Injectable()
export class WageAccountApiKeys implements ApiKeyResolver {
  constructor(
    private readonly banks: BankRepository,
    private readonly projects: ProjectRepository,
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
