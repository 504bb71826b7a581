import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { WageAccountOpened } from '@wage/contracts';
import { startOfDayShanghai } from '@wage/domain';
import {
  Clock,
  UseCaseError,
  OutboxRelayService,
  OutboxWriter,
  isAdmin,
  newEvent,
  storedSpelling,
  type Principal,
} from '@wage/platform';
import { BankRepository } from '../../../banks/bank.repository';
import { ProjectRepository } from '../../../projects/project.repository';
import type { OpenWageAccountDto } from '../../dto/open-wage-account.dto';
import { ACCOUNT_NUMBER_COLUMN } from '../../account-number-case';
import { WageAccountRepository } from '../../wage-account.repository';

/** Opens a project's dedicated wage account (专户): one open account per project, account numbers unique. */
@Injectable()
export class OpenWageAccountUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: WageAccountRepository,
    private readonly projects: ProjectRepository,
    private readonly banks: BankRepository,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelayService,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, request: OpenWageAccountDto) {
    this.authorize(principal, request);
    if (request.openedOn > this.clock.today()) {
      throw UseCaseError.invalid(
        `openedOn ${request.openedOn} is in the future; give the date the bank opened it`,
      );
    }
    const opened = await this.dataSource.transaction(async (manager) => {
      await this.projects.require(request.projectCode, manager);
      if (!(await this.banks.exists(request.bankCode, manager))) {
        throw new UseCaseError(
          'UNPROCESSABLE',
          'BANK_NOT_REGISTERED',
          `bank ${request.bankCode} is not registered; an administrator registers it with POST /api/v1/banks`,
        );
      }
      if (!(await this.accounts.insert(manager, request))) throw await this.conflict(request, manager);
      await this.outbox.append(manager, [
        newEvent(WageAccountOpened, request.projectCode, request, startOfDayShanghai(request.openedOn)),
      ]);
      return (await this.accounts.find(request.accountNumber, manager))!;
    });
    this.relay.relay.wake();
    return { ...opened, balance: '0.00', balanceFen: 0 };
  }

  private authorize(principal: Principal, request: OpenWageAccountDto): void {
    if (isAdmin(principal)) return;
    if (principal.kind === 'project' && principal.projectCode !== request.projectCode) {
      throw UseCaseError.forbidden(
        `a project key opens accounts for its own project only, not ${request.projectCode}`,
      );
    }
    if (principal.kind === 'bank' && principal.bankCode !== request.bankCode) {
      throw UseCaseError.forbidden(
        `a bank key opens accounts at its own bank only, not at ${request.bankCode}`,
      );
    }
  }

  /** Which uniqueness rule the refused insert broke, said so the caller can fix it. */
  private async conflict(request: OpenWageAccountDto, manager: EntityManager): Promise<UseCaseError> {
    const stored = await storedSpelling(this.dataSource, ACCOUNT_NUMBER_COLUMN, request.accountNumber);
    if (stored !== undefined && stored !== request.accountNumber) {
      return UseCaseError.conflict(
        'ACCOUNT_NUMBER_TAKEN',
        `专户账号 ${request.accountNumber} 与已登记的 ${stored} 只有大小写不同：账号不区分大小写，是同一个账户；` +
          '请核对银行开户资料上的账号',
      );
    }
    if (await this.accounts.find(request.accountNumber, manager)) {
      return UseCaseError.conflict(
        'ACCOUNT_NUMBER_TAKEN',
        `account number ${request.accountNumber} is already registered as a dedicated wage account`,
      );
    }
    const open = await this.accounts.findOpenForProject(request.projectCode, manager);
    return UseCaseError.conflict(
      'PROJECT_HAS_OPEN_ACCOUNT',
      `project ${request.projectCode} already has an open dedicated wage account${open ? ` (${open.accountNumber})` : ''}; a project has one open account at a time`,
    );
  }
}
