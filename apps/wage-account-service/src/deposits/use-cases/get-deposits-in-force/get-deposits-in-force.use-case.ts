import { Injectable } from '@nestjs/common';
import { covers, formatYuan, type IsoDate } from '@wage/domain';
import { Clock, UseCaseError, isAdmin, type Principal } from '@wage/platform';
import { ProjectRepository } from '../../../projects/project.repository';
import { amountInForce, depositBalanceOn } from '../../deposit-in-force';
import { DepositRepository } from '../../deposit.repository';
import { depositView } from '../../deposit-view';

/**
 * A project's deposits and the amount in force on a date: cash balances plus guarantee letters not yet expired,
 * of the deposits their bank recorded or confirmed.
 */
@Injectable()
export class GetDepositsInForceUseCase {
  constructor(
    private readonly deposits: DepositRepository,
    private readonly projects: ProjectRepository,
    private readonly clock: Clock,
  ) {}

  /** `asOf` is today in Asia/Shanghai unless given. */
  async execute(principal: Principal, projectCode: string, asOfDate?: IsoDate) {
    const asOf = asOfDate ?? this.clock.today();
    const project = await this.projects.find(projectCode);
    const maySee =
      isAdmin(principal) ||
      principal.kind === 'bank' ||
      (principal.kind === 'project' && principal.projectCode === projectCode) ||
      (principal.kind === 'user' &&
        project !== undefined &&
        covers(principal.regionCode, project.regionCode));
    if (!project || !maySee)
      throw UseCaseError.notFound(`no project ${projectCode} whose deposits this caller may see`);

    // A bank sees the deposits it holds, not those of other banks.
    const deposits = (await this.deposits.findByProject(projectCode)).filter(
      (deposit) => principal.kind !== 'bank' || deposit.bankCode === principal.bankCode,
    );
    const movements = await this.deposits.movementsOf(deposits.map((deposit) => deposit.id));
    const items = deposits.map((deposit) => {
      const moved = movements.get(deposit.id)!;
      // A project's declaration counts once its bank confirmed it.
      const inForceFen = deposit.confirmed ? amountInForce(deposit, moved, asOf) : 0;
      return { ...depositView(deposit), balanceFen: depositBalanceOn(deposit, moved, asOf), inForceFen };
    });
    const totalFen = items.reduce((total, item) => total + item.inForceFen, 0);
    return {
      projectCode,
      asOf,
      amountInForce: formatYuan(totalFen),
      amountInForceFen: totalFen,
      deposits: items,
    };
  }
}
